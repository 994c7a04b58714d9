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
    const cells = await tx.pointCell.findMany({
      where: {
        realmId: this.realmId,
        value: { gt: 0 },
        evaluation: { pointStatus: 'ACCEPTED', semester: { in: [...semesters] } },
      },
      select: {
        value: true,
        membershipId: true,
        principle: { select: { category: true } },
        membership: { select: { userId: true } },
        evaluation: { select: { groupId: true, semester: true } },
      },
    })
    const members = new Map<
      string,
      { row: Omit<AcceptedPoints, 'points'>; work: number; responsibility: number }
    >()
    for (const cell of cells) {
      const key = `${cell.membershipId} ${cell.evaluation.semester}`
      let member = members.get(key)
      if (!member) {
        member = {
          row: {
            userId: cell.membership.userId,
            groupId: cell.evaluation.groupId,
            semester: storedSemesterId(cell.evaluation.semester),
          },
          work: 0,
          responsibility: 0,
        }
        members.set(key, member)
      }
      if (cell.principle.category === 'WORK') member.work += cell.value
      else member.responsibility += cell.value
    }
    return [...members.values()]
      .map(({ row, work, responsibility }) => ({
        ...row,
        points: capPoints(caps, { work, responsibility }).total,
      }))
      .filter((row) => row.points > 0)
  }
}
