import { z } from 'zod'
import { MembershipStatus } from '~/generated/prisma/enums'
import { Id } from '~/shared/ids'

export const MembershipStatusSchema = z.enum(MembershipStatus)

/** The calling user's own membership in a group (apply, withdraw). */
export const OwnMembershipInput = z.object({ groupId: Id })
export type OwnMembershipInput = z.input<typeof OwnMembershipInput>

/** A leader adds a user to the group directly, as an active member. */
export const AddMemberInput = z.object({ groupId: Id, userId: Id })
export type AddMemberInput = z.input<typeof AddMemberInput>

/**
 * A member admin's change of one membership. The group is named too: it is the guard's target, and
 * a membership of another group is not found.
 */
export const MembershipRefInput = z.object({ groupId: Id, membershipId: Id })
export type MembershipRefInput = z.input<typeof MembershipRefInput>

/** A membership after a change: its status now, derived from the history. */
export const MembershipState = z.object({
  membershipId: z.number(),
  groupId: z.number(),
  userId: z.number(),
  status: MembershipStatusSchema,
  since: z.date(),
})
export type MembershipState = z.infer<typeof MembershipState>

export const MembershipHistoryEntry = z.object({
  status: MembershipStatusSchema,
  at: z.date(),
  actor: z.object({ id: z.number(), name: z.string() }).nullable(),
})
export const MembershipHistory = z.array(MembershipHistoryEntry)
export type MembershipHistoryEntry = z.infer<typeof MembershipHistoryEntry>
