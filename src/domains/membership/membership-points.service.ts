import { injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'

/**
 * Whether a member has points in any of the group's evaluations: an applicant who has (an archived
 * member applying again) may not withdraw or be rejected (PRODUCT.md, "Memberships and posts").
 *
 * Evaluations and their points arrive with issue 6. Until then no evaluation exists, so no member
 * has points and this answers false — it is the one place the lifecycle asks, and issue 6 replaces
 * the body with a query on the evaluation tables, inside the caller's transaction.
 */
@injectable()
export class MembershipPointsService {
  async hasPoints(_tx: Tx, _member: { groupId: number; userId: number }): Promise<boolean> {
    return false
  }
}
