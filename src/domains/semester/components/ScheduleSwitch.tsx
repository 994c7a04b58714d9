import { useRouter } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import type { PublicError } from '~/shared/public-error'
import { Button, Card, TextField } from '~/ui'
import { cancelSemesterSwitch, getSemesterLog, scheduleSemesterSwitch } from '../semester.functions'
import { ScheduleSwitchInput, type SemesterState, type SwitchLogEntry } from '../semester.schema'
import { nextSemester, parseSemesterId } from '../semester-id'
import { fromBudapestInput } from './budapest-time'
import { SwitchForm, useSwitchTarget } from './SwitchNowForm'
import { periodName, semesterName } from './semester-text'
import { useSemesterAction } from './use-semester-action'

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const

/** Schedule a switch at a Budapest wall-clock time, and the switches waiting, each cancellable. */
export function ScheduleSwitch({ state, upcoming }: { state: SemesterState; upcoming: SwitchLogEntry[] }) {
  const t = useT()
  const { formatDate } = useFormat()
  const action = useSemesterAction()
  const current = parseSemesterId(state.semester)
  const target = useSwitchTarget(current ? nextSemester(current) : state.semester, 'QUIET')
  const [at, setAt] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const listTitleId = useId()

  const onSubmit = () => {
    setRefusal(null)
    // An unreadable time goes on as typed, so the schema names the field.
    const values = { semester: target.semester, period: target.period, at: fromBudapestInput(at) ?? at }
    return action.run({
      check: { schema: ScheduleSwitchInput, values },
      send: () => scheduleSemesterSwitch({ data: values }),
      success: (planned) =>
        t('semester.schedule.done', {
          at: formatDate(planned.at, DATE_TIME),
          semester: semesterName(t, planned.semester),
          period: periodName(t, planned.period),
        }),
    })
  }

  return (
    <Card title={t('semester.schedule.title')} headingLevel={2}>
      <SwitchForm
        label={t('semester.schedule.title')}
        submitLabel={t('semester.schedule.submit')}
        action={action}
        target={target}
        onSubmit={onSubmit}
      >
        <TextField
          label={t('semester.form.at')}
          hint={t('semester.schedule.hint')}
          type="datetime-local"
          name="at"
          required
          value={at}
          onChange={(e) => setAt(e.target.value)}
          error={action.errorOf('at')}
        />
      </SwitchForm>
      <section aria-labelledby={listTitleId} className="mt-6 border-t border-gray-200 pt-4">
        <h3 id={listTitleId} className="text-sm font-semibold text-gray-900">
          {t('semester.schedule.listTitle')}
        </h3>
        {refusal && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
            {refusal}
          </p>
        )}
        {upcoming.length === 0 ? (
          <p className="mt-2 text-sm text-gray-600">{t('semester.schedule.empty')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-gray-200" data-testid="upcoming-switches">
            {upcoming.map((entry) => (
              <UpcomingSwitchRow key={entry.id} entry={entry} onRefusal={setRefusal} />
            ))}
          </ul>
        )}
      </section>
    </Card>
  )
}

/** A cancel that lost the race to the scheduler (or to another cancel) says what happened instead. */
function UpcomingSwitchRow({
  entry,
  onRefusal,
}: {
  entry: SwitchLogEntry
  onRefusal: (message: string | null) => void
}) {
  const t = useT()
  const { formatDate } = useFormat()
  const router = useRouter()
  const { run, pending } = useSemesterAction()
  const at = formatDate(entry.at, DATE_TIME)

  const refusalOf = async (error: PublicError): Promise<boolean> => {
    if (error.status !== 409 && error.status !== 404) return false
    // The 409 names the status only in words: the log tells it as data.
    const log = await getSemesterLog().catch(() => null)
    const now = log && [...log.upcoming, ...log.past].find((s) => s.id === entry.id)
    onRefusal(now ? t(`semester.schedule.lost.${now.status}`) : t('semester.schedule.lost.gone'))
    await router.invalidate()
    return true
  }

  const cancel = () => {
    onRefusal(null)
    void run({
      send: () => cancelSemesterSwitch({ data: { switchId: entry.id } }),
      success: () => t('semester.schedule.cancelled'),
      onRefusal: refusalOf,
    })
  }

  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0 text-sm">
        <p className="font-medium text-gray-900">{at}</p>
        <p className="text-gray-700">
          {semesterName(t, entry.semester)} · {periodName(t, entry.period)}
        </p>
        {entry.createdBy && (
          <p className="text-gray-600">{t('semester.schedule.by', { name: entry.createdBy.name })}</p>
        )}
      </div>
      <Button
        variant="secondary"
        size="sm"
        loading={pending}
        aria-label={t('semester.schedule.cancelLabel', { at })}
        onClick={cancel}
      >
        {t('semester.schedule.cancel')}
      </Button>
    </li>
  )
}
