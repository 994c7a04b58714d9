// "Probably inactive" for the directory (PRODUCT.md, "Groups"): a group over a year old with no
// evaluation in either of the two semesters before the current one. Pure: the directory
// (GroupService.list) supplies the semesters in which the group submitted an evaluation and the
// realm's current semester (set by the RVT leader).

import { previousSemester, type SemesterId, semesterOf } from '~/domains/semester/semester-id'

/**
 * Whether the directory should mark the group as probably inactive: created over a year before
 * `now` and no evaluation in either of the two semesters before `current`.
 */
export function isProbablyInactive(
  createdAt: Date,
  semestersWithEvaluation: Iterable<SemesterId>,
  now: Date,
  current: SemesterId = semesterOf(now),
): boolean {
  const yearAgo = new Date(now)
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1)
  if (createdAt > yearAgo) return false
  const evaluated = new Set(semestersWithEvaluation)
  const previous = previousSemester(current)
  return !evaluated.has(previous) && !evaluated.has(previousSemester(previous))
}
