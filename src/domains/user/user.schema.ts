import { z } from 'zod'

/** What the identity provider tells us at each login (AuthSCH claims, already mapped). */
export const LoginClaims = z.object({
  subject: z.string().min(1).max(200),
  displayName: z.string().min(1).max(200),
  givenName: z.string().max(100).default(''),
  familyName: z.string().max(100).default(''),
  email: z.email().max(200).nullable(),
  neptun: z
    .string()
    .regex(/^[A-Z0-9]{6}$/)
    .nullable(),
})
export type LoginClaims = z.input<typeof LoginClaims>

export const CurrentUser = z.object({
  id: z.number(),
  displayName: z.string(),
  screenName: z.string().nullable(),
})
export type CurrentUser = z.infer<typeof CurrentUser>

/** The logged-in user as the layout needs it: who, and which admin areas to offer in the nav. */
export const SessionUser = CurrentUser.extend({
  policyAdmin: z.boolean(),
  /** Holds `policy:issue` on some policy (a "can issue" policy, or anywhere as a PéK admin). */
  issuer: z.boolean(),
  /** Holds `group:create-toplevel`: may create top-level groups and move groups in the tree. */
  createGroups: z.boolean(),
  /** Holds `semester:admin`: may switch semesters and periods (the RVT leader). */
  semesterAdmin: z.boolean(),
  /**
   * Offered the reviewers' list: judges some group's evaluation (the RVT leader, a resort leader) or
   * sees every group's (the council's members, outside QUIET).
   */
  reviewer: z.boolean(),
})
export type SessionUser = z.infer<typeof SessionUser>

/** The guard's answers the layout shows (never what grants access). */
export type SessionRights = Pick<
  SessionUser,
  'policyAdmin' | 'issuer' | 'createGroups' | 'semesterAdmin' | 'reviewer'
>
