import { inject, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import { CLOCK, type Clock, REALM_ID } from '~/server/di/tokens'
import { ACCEPTED_POINTS_SOURCE, type AcceptedPointsSource } from './accepted-points'
import { computeCommunityPoints } from './community-points'
import { previousSemester, type SemesterId } from './semester-id'
import { closedSemester, type SemesterChange, type SemesterSwitchHook } from './switch-hooks'

/**
 * Recomputes community points when a semester's evaluation closes (the switch to QUIET, see
 * closedSemester): the accepted points of that semester and the one before, through the formula
 * of community-points.ts, replace the semester's stored results — inside the switch's transaction.
 */
@injectable()
export class CommunityPointsService implements SemesterSwitchHook {
  constructor(
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(ACCEPTED_POINTS_SOURCE) private readonly source: AcceptedPointsSource,
  ) {}

  async afterSwitch(tx: Tx, change: SemesterChange): Promise<void> {
    const semester = closedSemester(change)
    if (semester) await this.recompute(tx, semester, change.communityPointsCap)
  }

  /** Replaces the semester's community points with freshly computed ones; the number of users stored. */
  async recompute(tx: Tx, semester: SemesterId, cap: number): Promise<number> {
    const rows = await this.source.acceptedPoints(tx, [semester, previousSemester(semester)])
    const results = computeCommunityPoints(rows, semester, cap)
    await tx.communityPoints.deleteMany({ where: { realmId: this.realmId, semester } })
    const computedAt = this.clock.now()
    await tx.communityPoints.createMany({
      data: results.map(({ userId, points, groups }) => ({
        realmId: this.realmId,
        userId,
        semester,
        points,
        groups: groups.map((g) => ({ ...g })),
        computedAt,
      })),
    })
    return results.length
  }
}
