import { useT } from '~/i18n'
import { Card } from '~/ui'
import type { SemesterState } from '../semester.schema'
import { periodName, semesterName } from './semester-text'

type Current = Pick<SemesterState, 'semester' | 'legacySemester' | 'period'>

/** One line for everyone: "Aktuális félév: 2026/27 ősz · Időszak: csendes". */
export function SemesterBanner({ state }: { state: Current }) {
  const t = useT()
  return (
    <p className="text-sm text-gray-700" data-testid="current-semester">
      {t('semester.banner', {
        semester: semesterName(t, state.semester),
        period: periodName(t, state.period),
      })}
    </p>
  )
}

/** The semester and period in force, with both forms of the id (the legacy one for other systems). */
export function CurrentSemesterCard({ state }: { state: Current }) {
  const t = useT()
  return (
    <Card title={t('semester.current.title')} headingLevel={2}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium text-gray-600">{t('semester.current.semester')}</dt>
        <dd className="font-semibold text-gray-900" data-testid="current-semester-name">
          {semesterName(t, state.semester)}
        </dd>
        <dt className="font-medium text-gray-600">{t('semester.current.period')}</dt>
        <dd className="font-semibold text-gray-900" data-testid="current-period">
          {periodName(t, state.period)}
        </dd>
      </dl>
      <p className="mt-3 text-sm break-words text-gray-600">
        {t('semester.current.ids', { canonical: state.semester, legacy: state.legacySemester })}
      </p>
    </Card>
  )
}
