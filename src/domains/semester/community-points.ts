// Community points (közösségi pont), PRODUCT.md "Semesters and evaluation": from the accepted
// evaluations of a semester and the one before it, per user, first each group's points are added
// across the two semesters, then the group totals combine as √(Σ total²), capped by a setting.
// Pure: CommunityPointsService feeds it from an AcceptedPointsSource and stores the result.
import { previousSemester, type SemesterId } from './semester-id'

/** One member's points (after the caps of caps.ts) in one group's ACCEPTED evaluation of a semester. */
export interface AcceptedPoints {
  userId: number
  groupId: number
  semester: SemesterId
  points: number
}

/** What one group contributed to a user's community points: its points in each of the two semesters. */
export interface GroupContribution {
  groupId: number
  /** In the semester computed for. */
  current: number
  /** In the semester before it. */
  previous: number
  /** current + previous: the term that is squared. */
  total: number
}

export interface UserCommunityPoints {
  userId: number
  /** ⌊√(Σ total²)⌋, at most the cap. */
  points: number
  /** Every group with points in either semester, by group id. */
  groups: GroupContribution[]
}

/**
 * The community points of `semester` for every user with accepted points in it or the semester
 * before (rows of other semesters are ignored), by user id. Users whose points come to 0 are left
 * out: nothing to record. The root is rounded down to a whole point — the legacy app stored
 * √(…) in an integer column, which truncated it — and the cap applies after that.
 */
export function computeCommunityPoints(
  rows: Iterable<AcceptedPoints>,
  semester: SemesterId,
  cap: number,
): UserCommunityPoints[] {
  if (!Number.isInteger(cap) || cap < 0) throw new RangeError(`Not a community points cap: ${cap}`)
  const previous = previousSemester(semester)
  const byUser = new Map<number, Map<number, GroupContribution>>()
  for (const row of rows) {
    if (row.semester !== semester && row.semester !== previous) continue
    if (!Number.isInteger(row.points) || row.points < 0) throw new RangeError(`Not points: ${row.points}`)
    const groups = byUser.get(row.userId) ?? new Map<number, GroupContribution>()
    byUser.set(row.userId, groups)
    const group = groups.get(row.groupId) ?? { groupId: row.groupId, current: 0, previous: 0, total: 0 }
    groups.set(row.groupId, group)
    if (row.semester === semester) group.current += row.points
    else group.previous += row.points
    group.total += row.points
  }
  const result: UserCommunityPoints[] = []
  for (const [userId, groups] of byUser) {
    const squares = [...groups.values()].reduce((sum, g) => sum + g.total * g.total, 0)
    const points = Math.min(floorSqrt(squares), cap)
    if (points > 0)
      result.push({ userId, points, groups: [...groups.values()].sort((a, b) => a.groupId - b.groupId) })
  }
  return result.sort((a, b) => a.userId - b.userId)
}

/** ⌊√n⌋ of a whole n ≥ 0, exact (a float root only seeds it). */
export function floorSqrt(n: number): number {
  let root = Math.floor(Math.sqrt(n))
  while (root * root > n) root--
  while ((root + 1) * (root + 1) <= n) root++
  return root
}
