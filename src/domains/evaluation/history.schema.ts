// Inputs and outputs of the accepted results a profile and a group's history show (PRODUCT.md:
// "sees own memberships, points and entry cards per semester"; "Group history: pick a past
// semester, see each member's points and entry card from the accepted evaluation";
// docs/decisions/0016-entry-review-history-exports.md). Client-safe.
import { z } from 'zod'
import { SemesterId } from '~/domains/semester/semester-id'
import { Id } from '~/shared/ids'
import { EntryTypeSchema } from './evaluation.schema'

export const UserHistoryInput = z.object({ userId: Id })
export type UserHistoryInput = z.input<typeof UserHistoryInput>

/** A group's history of one semester: the newest one with an accepted request when omitted. */
export const GroupHistoryInput = z.object({ groupId: Id, semester: SemesterId.optional() })
export type GroupHistoryInput = z.input<typeof GroupHistoryInput>

/** The card as it finally stands (entry-cards.ts): null while the entry request is not accepted. */
export const HistoryCard = z.object({ type: EntryTypeSchema, justification: z.string() }).nullable()

/** A member's accepted result in one group's evaluation: points null while not accepted. */
const Result = z.object({ points: z.number().nullable(), entryCard: HistoryCard })

export const UserHistory = z.object({
  userId: z.number(),
  /** Newest first. */
  semesters: z.array(
    z.object({
      semester: z.string(),
      /** The semester's community points (ADR 0014), when any were stored for the user. */
      communityPoints: z
        .object({
          points: z.number(),
          groups: z.array(
            z.object({
              groupId: z.number(),
              groupName: z.string().nullable(),
              current: z.number(),
              previous: z.number(),
              total: z.number(),
            }),
          ),
        })
        .nullable(),
      groups: z.array(Result.extend({ groupId: z.number(), groupName: z.string() })),
    }),
  ),
})
export type UserHistory = z.infer<typeof UserHistory>

export const GroupHistory = z.object({
  groupId: z.number(),
  /** The semesters with an accepted request, newest first: what the picker offers. */
  semesters: z.array(z.string()),
  /** The semester shown (null when the group has no accepted evaluation at all). */
  semester: z.string().nullable(),
  pointsAccepted: z.boolean(),
  entriesAccepted: z.boolean(),
  members: z.array(Result.extend({ membershipId: z.number(), userId: z.number(), displayName: z.string() })),
})
export type GroupHistory = z.infer<typeof GroupHistory>
