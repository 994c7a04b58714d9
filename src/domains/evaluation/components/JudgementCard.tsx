import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import { Card, Select, TextArea } from '~/ui'
import { acceptEvaluation, judgeEvaluation } from '../evaluation.functions'
import type { EvaluationView } from '../evaluation.schema'
import { ReviewSubmit } from './ReviewSubmit'
import { useReviewAction } from './review-action'

type Status = EvaluationView['pointStatus']
const STATUSES: readonly Status[] = ['NOT_SUBMITTED', 'PENDING', 'ACCEPTED', 'REJECTED']

/**
 * The reviewers' judgement (PRODUCT.md "Judgement"): new statuses for the point and the entry
 * request with a required explanation. Shown to those the guard lets judge or accept; ACCEPTED is
 * offered only to those who may accept (the RVT leader), whose write goes through `accept`. The
 * form is open in the current semester's REVIEW period; the server decides again and its refusal
 * reads by reason.
 */
export function JudgementCard({ view }: { view: EvaluationView }) {
  const t = useT()
  if (!view.viewer.judge && !view.viewer.accept) return null
  return (
    <Card title={t('review.judgement.title')}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-gray-700">{t('review.judgement.description')}</p>
        {view.current && view.period === 'REVIEW' ? (
          <JudgementForm view={view} />
        ) : (
          <p className="text-sm font-medium text-gray-900">{t('review.judgement.onlyInReview')}</p>
        )}
      </div>
    </Card>
  )
}

function JudgementForm({ view }: { view: EvaluationView }) {
  const t = useT()
  const { run, pending, refusal, codeOf, setFields } = useReviewAction()
  const [pointStatus, setPointStatus] = useState<Status | undefined>()
  const [entryStatus, setEntryStatus] = useState<Status | undefined>()
  const [explanation, setExplanation] = useState('')
  const [nothingChosen, setNothingChosen] = useState(false)
  const options = STATUSES.filter((s) => view.viewer.accept || s !== 'ACCEPTED').map((s) => ({
    value: s,
    label: t(`evaluation.requestStatuses.${s}`),
  }))
  const pick = (value: string) => STATUSES.find((s) => s === value)
  const explanationCode = codeOf('explanation')

  async function submit(event: FormEvent) {
    event.preventDefault()
    const none = !pointStatus && !entryStatus
    setNothingChosen(none)
    if (!explanation.trim()) setFields({ explanation: ['required'] })
    if (none || !explanation.trim()) return
    const data = { groupId: view.groupId, evaluationId: view.id, pointStatus, entryStatus, explanation }
    const send = view.viewer.accept ? acceptEvaluation : judgeEvaluation
    if (await run(() => send({ data }), t('review.judgement.saved'))) {
      setPointStatus(undefined)
      setEntryStatus(undefined)
      setExplanation('')
    }
  }

  return (
    <form
      aria-label={t('review.judgement.title')}
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label={t('review.judgement.pointStatus')}
          value={pointStatus ?? ''}
          onChange={(e) => setPointStatus(pick(e.target.value))}
          placeholder={t('review.judgement.keep', {
            status: t(`evaluation.requestStatuses.${view.pointStatus}`),
          })}
          options={options}
          error={nothingChosen ? t('review.judgement.nothingChosen') : undefined}
        />
        <Select
          label={t('review.judgement.entryStatus')}
          value={entryStatus ?? ''}
          onChange={(e) => setEntryStatus(pick(e.target.value))}
          placeholder={t('review.judgement.keep', {
            status: t(`evaluation.requestStatuses.${view.entryStatus}`),
          })}
          options={options}
        />
      </div>
      <TextArea
        label={t('review.judgement.explanation')}
        required
        value={explanation}
        onChange={(e) => setExplanation(e.target.value)}
        maxLength={4000}
        error={
          explanationCode
            ? t(
                explanationCode === 'tooLong'
                  ? 'review.judgement.errors.tooLong'
                  : 'review.judgement.errors.required',
              )
            : undefined
        }
      />
      <ReviewSubmit refusal={refusal} pending={pending} label={t('review.judgement.submit')} />
    </form>
  )
}
