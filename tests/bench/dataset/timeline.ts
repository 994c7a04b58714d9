// The benchmark dataset's calendar: a fixed window of semesters ending with the current one, so the
// same seed gives the same rows on any day. Index 0 is the oldest semester with evaluations; the
// memberships may have started up to BEFORE_WINDOW semesters earlier. Semesters begin as the demo
// dataset's do (tests/factories/demo-timeline.ts).
import type { SemesterId } from '~/domains/semester/semester-id'
import { DAY, semesterStart, semestersBefore } from '../../factories/demo-timeline'

export const CURRENT_SEMESTER: SemesterId = '2026-2027/1'
export const BEFORE_WINDOW = 4

export interface Timeline {
  /** The semesters with evaluations, oldest first; the last is the current one. */
  semesters: SemesterId[]
  /** When semester `index` starts (negative indexes: before the window). */
  start(index: number): number
  /** The dataset's "now": in the current semester, after every event it holds. */
  now: number
}

export function timeline(count: number): Timeline {
  const ids = [...semestersBefore(CURRENT_SEMESTER, count + BEFORE_WINDOW - 1), CURRENT_SEMESTER]
  const starts = ids.map(semesterStart)
  return {
    semesters: ids.slice(BEFORE_WINDOW),
    start: (index) => {
      const at = starts[index + BEFORE_WINDOW]
      if (at === undefined) throw new RangeError(`No semester at index ${index}`)
      return at
    },
    now: semesterStart(CURRENT_SEMESTER) + 75 * DAY,
  }
}

export const days = (n: number) => n * DAY
