import { z } from 'zod'
import { PostKind } from '~/generated/prisma/enums'

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
