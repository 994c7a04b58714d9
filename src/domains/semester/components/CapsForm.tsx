import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import { Button, Card, TextField } from '~/ui'
import { updateEvaluationCaps } from '../semester.functions'
import { CapsInput, type SemesterState } from '../semester.schema'
import { useSemesterAction } from './use-semester-action'

const FIELDS = [
  'work',
  'responsibility',
  'total',
  'zeroTotalsUpTo',
  'minimumTotal',
  'communityPointsCap',
] as const
type CapField = (typeof FIELDS)[number]
type Values = Record<CapField, string>

const HINTS: Partial<Record<CapField, `semester.caps.${'zeroTotalsUpTo' | 'minimumTotal'}Hint`>> = {
  zeroTotalsUpTo: 'semester.caps.zeroTotalsUpToHint',
  minimumTotal: 'semester.caps.minimumTotalHint',
}

const valuesOf = (state: SemesterState): Values =>
  ({
    ...Object.fromEntries(Object.entries(state.caps).map(([k, v]) => [k, String(v)])),
    communityPointsCap: String(state.communityPointsCap),
  }) as Values

// An empty box is no number: the schema then names the field instead of reading it as 0.
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** The evaluation caps (PRODUCT.md defaults 30 / 20 / 50, 1–2 → 0, 3–4 → 5) and the community points cap. */
export function CapsForm({ state }: { state: SemesterState }) {
  const t = useT()
  const { formRef, run, pending, errorOf } = useSemesterAction()
  const [values, setValues] = useState(() => valuesOf(state))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const caps = Object.fromEntries(FIELDS.map((f) => [f, numberOf(values[f])])) as Record<CapField, number>
    void run({
      check: { schema: CapsInput, values: caps },
      send: () => updateEvaluationCaps({ data: caps }),
      success: () => t('semester.caps.saved'),
    })
  }

  return (
    <Card title={t('semester.caps.title')} headingLevel={2}>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        aria-label={t('semester.caps.title')}
        className="flex flex-col gap-4"
      >
        <p className="text-sm text-gray-600">{t('semester.caps.description')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {FIELDS.map((field) => {
            const hint = HINTS[field]
            return (
              <TextField
                key={field}
                label={t(`semester.caps.${field}`)}
                hint={hint && t(hint)}
                type="number"
                inputMode="numeric"
                min={0}
                max={1000}
                step={1}
                name={field}
                required
                value={values[field]}
                onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                error={errorOf(field)}
              />
            )
          })}
        </div>
        <div>
          <Button type="submit" loading={pending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  )
}
