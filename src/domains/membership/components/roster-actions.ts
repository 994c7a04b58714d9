// What the member screens offer, derived from the state machine (../status.ts) so the buttons can
// never disagree with what the server will allow.
import type { MembershipStatus } from '~/generated/prisma/enums'
import { PublicError } from '~/shared/public-error'
import { type MembershipAction, nextStatus, TRANSITIONS } from '../status'

/** A member admin's changes of one membership, in the order their buttons appear. */
export const ADMIN_ACTIONS = [
  'accept',
  'promote',
  'reactivate',
  'unarchive',
  'reject',
  'makeFormer',
  'archive',
] as const satisfies readonly MembershipAction[]
export type AdminAction = (typeof ADMIN_ACTIONS)[number]

/** These take something away (an application, posts, visibility): they ask first. */
const DESTRUCTIVE = ['reject', 'makeFormer', 'archive'] as const satisfies readonly AdminAction[]
export type DestructiveAction = (typeof DESTRUCTIVE)[number]
export const isDestructive = (action: AdminAction): action is DestructiveAction =>
  (DESTRUCTIVE as readonly AdminAction[]).includes(action)

/** The admin actions the state machine allows from this status. */
export const adminActionsFor = (status: MembershipStatus): AdminAction[] =>
  ADMIN_ACTIONS.filter((action) => nextStatus(action, status) !== null)

/** A membership that has ended: the user may apply again. */
export type ClosedStatus = 'WITHDRAWN' | 'REJECTED' | 'ARCHIVED'

/** Whether the user may (re-)apply from this membership (null: none): none yet, or a closed one. */
export const mayApplyFrom = (status: MembershipStatus | null): status is ClosedStatus | null =>
  TRANSITIONS.apply.from.includes(status)

/**
 * The status a 409 MembershipStateError says the membership has now ('NONE': no membership), or
 * undefined for any other failure.
 */
export function conflictStatus(error: unknown): MembershipStatus | 'NONE' | undefined {
  if (!(error instanceof PublicError) || error.code !== 'CONFLICT') return undefined
  return error.fields?.status?.[0] as MembershipStatus | 'NONE' | undefined
}
