import { inject, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import { REALM_ID } from '~/server/di/tokens'

/**
 * Whether a member has points in any of the group's evaluations: an applicant who has (an archived
 * member applying again) may not withdraw or be rejected (PRODUCT.md, "Memberships and posts").
 * Any non-zero cell of the member's membership in the group's evaluations counts, whatever the
 * evaluation's status (docs/decisions/0015-evaluations.md). Read inside the caller's transaction.
 */
@injectable()
export class MembershipPointsService {
  constructor(@inject(REALM_ID) private readonly realmId: string) {}

  async hasPoints(tx: Tx, member: { groupId: number; userId: number }): Promise<boolean> {
    const cell = await tx.pointCell.findFirst({
      where: {
        realmId: this.realmId,
        value: { gt: 0 },
        membership: { groupId: member.groupId, userId: member.userId },
        evaluation: { groupId: member.groupId },
      },
      select: { id: true },
    })
    return cell !== null
  }
}
