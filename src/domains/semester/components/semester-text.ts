// How a semester and a period read in the UI: `2024-2025/1` → "2024/25 ősz" / "2024/25 autumn".
import type { TFunction } from '~/i18n'
import type { Period } from '../semester.schema'
import { parseSemesterId, semesterParts } from '../semester-id'

/** The periods in the order they follow each other in a semester. */
export const PERIODS: readonly Period[] = ['QUIET', 'SUBMISSION', 'REVIEW']

/** "2024/25 ősz"; an id that is not one (never from the server) is shown as it came. */
export function semesterName(t: TFunction, id: string): string {
  const canonical = parseSemesterId(id)
  if (!canonical) return id
  const { startYear, half } = semesterParts(canonical)
  const years = `${startYear}/${String(startYear + 1).slice(2)}`
  return t('semester.name', { years, half: t(`semester.halves.${half}`) })
}

export const periodName = (t: TFunction, period: Period): string => t(`semester.periods.${period}`)

/** The periods as options of a select, in their order. */
export const periodOptions = (t: TFunction) => PERIODS.map((p) => ({ value: p, label: periodName(t, p) }))
