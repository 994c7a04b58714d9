// What the evaluation tables give the rest of the app: the accepted points community points are
// computed from (ADR 0014's AcceptedPointsSource) and whether a member has points at all (the
// membership lifecycle's withdraw/reject rule). Both read inside the caller's transaction.
import { inject, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import type { AcceptedPointsSource } from '~/domains/semester/accepted-points'
import { capPoints } from '~/domains/semester/caps'
import type { AcceptedPoints } from '~/domains/semester/community-points'
import { type SemesterId, storedSemesterId } from '~/domains/semester/semester-id'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { Prisma } from '~/generated/prisma/client'
import { REALM_ID } from '~/server/di/tokens'

/**
 * Per (user, group, semester) of every evaluation whose point request is ACCEPTED: the member's
 * category sums through `capPoints` with the caps in force now (docs/decisions/0015-evaluations.md).
 * Members who come to 0 are left out.
 */
@injectable()
export class PrismaAcceptedPointsSource implements AcceptedPointsSource {
  constructor(
    @inject(REALM_ID) private readonly realmId: string,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
  ) {}

  async acceptedPoints(tx: Tx, semesters: readonly SemesterId[]): Promise<AcceptedPoints[]> {
    // Inside a switch the row is already held for update by the same transaction: this does not wait.
    const { caps } = await this.settings.locked(tx, 'share')
    if (semesters.length === 0) return []
    // One aggregate in SQL: the category sums per membership and semester (a membership is of one
    // group; a group has one evaluation a semester). Loading the cells with their relations instead
    // sent every cell's ids back as parameters, past PostgreSQL's limit once a semester held some
    // 60,000 cells (issue 8). Raw SQL bypasses the realm guard (ADR 0003): it names the realm itself.
    const rows = await tx.$queryRaw<
      (Omit<AcceptedPoints, 'points'> & { work: number; responsibility: number })[]
    >`
      SELECT m."userId", e."groupId", e."semester",
        COALESCE(SUM(c."value") FILTER (WHERE p."category" = 'WORK'), 0)::int AS "work",
        COALESCE(SUM(c."value") FILTER (WHERE p."category" = 'RESPONSIBILITY'), 0)::int AS "responsibility"
      FROM "PointCell" c
      JOIN "Evaluation" e ON e."realmId" = c."realmId" AND e."id" = c."evaluationId"
      JOIN "Principle" p ON p."realmId" = c."realmId" AND p."id" = c."principleId"
      JOIN "Membership" m ON m."realmId" = c."realmId" AND m."id" = c."membershipId"
      WHERE c."realmId" = ${this.realmId} AND c."value" > 0
        AND e."pointStatus" = 'ACCEPTED' AND e."semester" IN (${Prisma.join([...semesters])})
      GROUP BY c."membershipId", m."userId", e."groupId", e."semester"`
    return rows
      .map(({ work, responsibility, ...row }) => ({
        ...row,
        semester: storedSemesterId(row.semester),
        points: capPoints(caps, { work, responsibility }).total,
      }))
      .filter((row) => row.points > 0)
  }
}
