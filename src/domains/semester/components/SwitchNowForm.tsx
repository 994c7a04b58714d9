import { type ReactNode, useState } from 'react'
import { useT } from '~/i18n'
import { Button, Card, Select, TextField } from '~/ui'
import { setCurrentSemester } from '../semester.functions'
import { type Period, type SemesterState, SetCurrentInput } from '../semester.schema'
import { periodName, periodOptions, semesterName } from './semester-text'
import { useSemesterAction } from './use-semester-action'

/** Switch the semester and the period now; the id may be typed in either form. */
export function SwitchNowForm({ state }: { state: SemesterState }) {
  const t = useT()
  const action = useSemesterAction()
  const target = useSwitchTarget(state.semester, state.period)

  const onSubmit = () => {
    const values = { semester: target.semester, period: target.period }
    return action.run({
      check: { schema: SetCurrentInput, values },
      send: () => setCurrentSemester({ data: values }),
      success: (now) =>
        t('semester.switchNow.done', {
          semester: semesterName(t, now.semester),
          period: periodName(t, now.period),
        }),
    })
  }

  return (
    <Card title={t('semester.switchNow.title')} headingLevel={2}>
      <SwitchForm
        label={t('semester.switchNow.title')}
        submitLabel={t('semester.switchNow.submit')}
        action={action}
        target={target}
        onSubmit={onSubmit}
      >
        <p className="text-sm text-gray-600">{t('semester.switchNow.hint')}</p>
      </SwitchForm>
    </Card>
  )
}

/** What a switch goes to, as the form edits it. */
export function useSwitchTarget(semester: string, period: Period) {
  const [values, setValues] = useState({ semester, period })
  return {
    ...values,
    onSemester: (value: string) => setValues((v) => ({ ...v, semester: value })),
    onPeriod: (value: Period) => setValues((v) => ({ ...v, period: value })),
  }
}
type SwitchTarget = ReturnType<typeof useSwitchTarget>

/** A switch's form: the target semester (either id form) and period, `children` (more fields, a hint), submit. */
export function SwitchForm({
  label,
  submitLabel,
  action,
  target,
  onSubmit,
  children,
}: {
  label: string
  submitLabel: string
  action: ReturnType<typeof useSemesterAction>
  target: SwitchTarget
  onSubmit: () => Promise<void>
  children?: ReactNode
}) {
  const t = useT()
  return (
    <form
      ref={action.formRef}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
      noValidate
      aria-label={label}
      className="flex flex-col gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('semester.form.semester')}
          hint={t('semester.form.semesterHint')}
          name="semester"
          required
          autoComplete="off"
          spellCheck={false}
          value={target.semester}
          onChange={(e) => target.onSemester(e.target.value)}
          error={action.errorOf('semester')}
        />
        <Select
          label={t('semester.form.period')}
          name="period"
          options={periodOptions(t)}
          value={target.period}
          onChange={(e) => target.onPeriod(e.target.value as Period)}
          error={action.errorOf('period')}
        />
      </div>
      {children}
      <div>
        <Button type="submit" loading={action.pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
