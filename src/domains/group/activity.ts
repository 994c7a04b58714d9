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
  if (now < yearOldAt(createdAt)) return false
  const evaluated = new Set(semestersWithEvaluation)
  const previous = previousSemester(current)
  return !evaluated.has(previous) && !evaluated.has(previousSemester(previous))
}

/** When a group created at `createdAt` turns a year old (and may be marked). */
function yearOldAt(createdAt: Date): Date {
  const at = new Date(createdAt)
  at.setUTCFullYear(at.getUTCFullYear() + 1)
  return at
}

/**
 * Until when (epoch ms; Infinity: for good) a list built at `now` keeps every group's mark without
 * any write: a group under a year old is never marked, and may be once it turns one.
 */
export function activityStableUntil(createdAts: Iterable<Date>, now: Date): number {
  let until = Number.POSITIVE_INFINITY
  for (const createdAt of createdAts) {
    const at = yearOldAt(createdAt).getTime()
    if (at > now.getTime()) until = Math.min(until, at)
  }
  return until
}
