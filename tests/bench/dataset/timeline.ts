// The benchmark dataset's calendar: a fixed window of semesters ending with the current one, so the
// same seed gives the same rows on any day. Index 0 is the oldest semester with evaluations; the
// memberships may have started up to BEFORE_WINDOW semesters earlier.
import { previousSemester, type SemesterId, semesterParts } from '~/domains/semester/semester-id'

export const CURRENT_SEMESTER: SemesterId = '2026-2027/1'
export const BEFORE_WINDOW = 4
const DAY = 86_400_000

export interface Timeline {
  /** The semesters with evaluations, oldest first; the last is the current one. */
  semesters: SemesterId[]
  /** When semester `index` starts (negative indexes: before the window). */
  start(index: number): number
  /** The dataset's "now": in the current semester, after every event it holds. */
  now: number
}

function startOf(id: SemesterId): number {
  const { startYear, half } = semesterParts(id)
  return half === 1 ? Date.UTC(startYear, 8, 1) : Date.UTC(startYear + 1, 1, 1)
}

export function timeline(count: number): Timeline {
  const ids: SemesterId[] = [CURRENT_SEMESTER]
  while (ids.length < count + BEFORE_WINDOW) {
    const first = ids[0]
    if (!first) break
    ids.unshift(previousSemester(first))
  }
  const starts = ids.map(startOf)
  return {
    semesters: ids.slice(BEFORE_WINDOW),
    start: (index) => {
      const at = starts[index + BEFORE_WINDOW]
      if (at === undefined) throw new RangeError(`No semester at index ${index}`)
      return at
    },
    now: startOf(CURRENT_SEMESTER) + 75 * DAY,
  }
}

export const days = (n: number) => n * DAY
