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
    const accepted = await this.source.acceptedPoints(tx, [semester, previousSemester(semester)])
    const results = computeCommunityPoints(accepted, semester, cap)
    await tx.communityPoints.deleteMany({ where: { realmId: this.realmId, semester } })
    // One statement with the rows as one JSON parameter: createMany took most of a second per
    // thousand users here (issue 8). Raw SQL bypasses the realm guard (ADR 0003): it names the realm.
    await tx.$executeRaw`
      INSERT INTO "CommunityPoints" ("realmId", "userId", "semester", "points", "groups", "computedAt")
      SELECT ${this.realmId}, r."userId", ${semester}, r."points", r."groups", ${this.clock.now()}
      FROM jsonb_to_recordset(${JSON.stringify(results)}::jsonb) AS r("userId" int, "points" int, "groups" jsonb)`
    return results.length
  }
}
