import { type FormEvent, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Button, Card, CellSaveAnnouncer, TextArea, useCellSaves } from '~/ui'
import { setEvaluationReport } from '../evaluation.functions'
import { type EvaluationView, REPORT_MAX_LENGTH } from '../evaluation.schema'
import { fieldCodes, refusalMessage, reportAccess } from './evaluation-access'
import { SaveMark } from './SaveMark'

/**
 * The group leader's semester report (PRODUCT.md: the leader "writes the semester report"). The
 * leader edits it while the point request's draft is open (SUBMISSION, not submitted) and saves it
 * with a button — a long text is not sent at every keystroke; everyone else who sees the evaluation
 * reads it, and the leader is told why it is closed now.
 */
export function ReportCard({ view }: { view: EvaluationView }) {
  const t = useT()
  const { leader, refusal } = reportAccess(view)
  return (
    <Card title={t('evaluation.report.title')}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-gray-700">{t('evaluation.report.description')}</p>
        {leader && refusal === null ? (
          <ReportForm view={view} />
        ) : (
          <>
            {view.report.trim() === '' ? (
              <p className="text-sm text-gray-700" data-testid="evaluation-report">
                {t('evaluation.report.empty')}
              </p>
            ) : (
              <p
                className="text-sm whitespace-pre-wrap break-words text-gray-900"
                data-testid="evaluation-report"
              >
                {view.report}
              </p>
            )}
            {leader && refusal && (
              <p className="text-sm font-medium text-gray-900">{t(`evaluation.report.locked.${refusal}`)}</p>
            )}
          </>
        )}
      </div>
    </Card>
  )
}

/**
 * Not keyed by the page's loads: a reload after another card's write (a message, a judgement) keeps
 * what the leader is typing. The save's outcome is marked beside the button like a cell's; a refusal
 * or a failure is an alert (the button sends again).
 */
function ReportForm({ view }: { view: EvaluationView }) {
  const t = useT()
  const { formatNumber } = useFormat()
  const [text, setText] = useState(view.report)
  const [stored, setStored] = useState(view.report)
  const saves = useCellSaves<string>()
  const state = saves.states.get('report')
  const max = formatNumber(REPORT_MAX_LENGTH)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const wanted = text
    const newest = saves.begin('report', wanted)
    try {
      const saved = await setEvaluationReport({
        data: { groupId: view.groupId, evaluationId: view.id, report: wanted },
      })
      if (!newest()) return
      setStored(saved.report)
      saves.set('report', { kind: 'saved' })
      saves.announce(t('evaluation.report.announceSaved'))
    } catch (error) {
      if (!newest()) return
      const refusal = fieldCodes(error, 'report').includes('tooLong')
        ? t('evaluation.report.tooLong', { max })
        : refusalMessage(t, error)
      saves.set('report', refusal ? { kind: 'refused', message: refusal } : { kind: 'failed', wanted })
    }
  }

  const alert =
    state?.kind === 'refused' ? state.message : state?.kind === 'failed' ? t('common.saveFailed') : null
  return (
    <form
      aria-label={t('evaluation.report.title')}
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3"
    >
      <TextArea
        label={t('evaluation.report.label')}
        rows={8}
        value={text}
        maxLength={REPORT_MAX_LENGTH}
        onChange={(event) => setText(event.target.value)}
        hint={t('evaluation.report.length', { count: formatNumber(text.length), max })}
      />
      {alert && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {alert}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={state?.kind === 'saving'}>
          {t('evaluation.report.save')}
        </Button>
        {/* The mark of the last save, while the text is still what it saved. */}
        {state?.kind !== 'saving' && text === stored && <SaveMark state={state} />}
        {text !== stored && <p className="text-sm text-gray-700">{t('evaluation.report.unsaved')}</p>}
      </div>
      <CellSaveAnnouncer announcement={saves.announcement} />
    </form>
  )
}
