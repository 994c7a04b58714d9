import { z } from 'zod'
import { MembershipStatus, PostKind } from '~/generated/prisma/enums'
import { Id } from '~/shared/ids'

export const MemberPost = z.object({ id: z.number(), name: z.string(), kind: z.enum(PostKind) })
export type MemberPost = z.infer<typeof MemberPost>

export const ActiveMember = z.object({
  membershipId: z.number(),
  userId: z.number(),
  displayName: z.string(),
  screenName: z.string().nullable(),
  status: z.enum(['NEWBIE', 'ACTIVE']),
  since: z.date().nullable(),
  posts: z.array(MemberPost),
})
export type ActiveMember = z.infer<typeof ActiveMember>

export const ActiveMemberList = z.array(ActiveMember)

/** The group page's member tabs: which statuses each shows. */
export const ROSTER_TABS = {
  active: ['NEWBIE', 'ACTIVE'],
  pending: ['PENDING'],
  former: ['FORMER'],
  archived: ['ARCHIVED'],
} as const satisfies Record<string, readonly MembershipStatus[]>
export type RosterTab = keyof typeof ROSTER_TABS

export const RosterInput = z.object({
  groupId: Id,
  tab: z.enum(Object.keys(ROSTER_TABS) as [RosterTab, ...RosterTab[]]),
})
export type RosterInput = z.input<typeof RosterInput>

/** A member as a tab lists them: the status they are in now and since when. */
export const RosterMember = ActiveMember.extend({
  status: z.enum(MembershipStatus),
  /** When the current status began (applied, became former, archived). */
  statusSince: z.date(),
})
export type RosterMember = z.infer<typeof RosterMember>

export const Roster = z.object({
  members: z.array(RosterMember),
  /** The applicants tab, or the archived tab of a group that hides them, asked by a non-admin: empty. */
  hidden: z.boolean(),
})
export type Roster = z.infer<typeof Roster>

/** One of a user's memberships, for their profile: active, newbie or former, with posts and dates. */
export const UserMembership = z.object({
  membershipId: z.number(),
  group: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(['NEWBIE', 'ACTIVE', 'FORMER']),
  since: z.date().nullable(),
  /** When the membership became former; null while it lasts. */
  until: z.date().nullable(),
  posts: z.array(MemberPost),
})
export type UserMembership = z.infer<typeof UserMembership>

export const UserMembershipList = z.array(UserMembership)
