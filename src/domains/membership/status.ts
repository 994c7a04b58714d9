import type { MembershipStatus } from '~/generated/prisma/enums'
import { ConflictError } from '~/server/errors'

export interface StatusEvent {
  status: MembershipStatus
  at: Date
  id: number
}

/** The newest event decides the current status; ties on the timestamp go to the later id. */
export function currentStatus(events: readonly StatusEvent[]): StatusEvent | undefined {
  let newest: StatusEvent | undefined
  for (const e of events) {
    if (!newest || e.at > newest.at || (e.at.getTime() === newest.at.getTime() && e.id > newest.id))
      newest = e
  }
  return newest
}

/** When the member joined: the first time the membership became NEWBIE or ACTIVE. */
export function memberSince(events: readonly StatusEvent[]): Date | undefined {
  let first: Date | undefined
  for (const e of events) {
    if ((e.status === 'NEWBIE' || e.status === 'ACTIVE') && (!first || e.at < first)) first = e.at
  }
  return first
}

/** What can happen to a membership; each moves it to one status from a few allowed ones. */
export type MembershipAction =
  | 'apply'
  | 'add'
  | 'withdraw'
  | 'reject'
  | 'accept'
  | 'promote'
  | 'makeFormer'
  | 'reactivate'
  | 'archive'
  | 'unarchive'

/** Where a user may (re-)enter a group from: no membership yet (null) or a closed one. */
const OUTSIDE = [null, 'ARCHIVED', 'WITHDRAWN', 'REJECTED'] as const

/**
 * The membership state machine (PRODUCT.md, "Memberships and posts"): PENDING → NEWBIE → ACTIVE →
 * FORMER → ARCHIVED, with reactivate (FORMER → ACTIVE) and unarchive (ARCHIVED → FORMER). An
 * application is closed by the applicant (WITHDRAWN) or an admin (REJECTED); an archived member who
 * applies again is PENDING again. A leader may add a user directly as an ACTIVE member.
 */
export const TRANSITIONS: Record<
  MembershipAction,
  { from: readonly (MembershipStatus | null)[]; to: MembershipStatus }
> = {
  apply: { from: OUTSIDE, to: 'PENDING' },
  add: { from: OUTSIDE, to: 'ACTIVE' },
  withdraw: { from: ['PENDING'], to: 'WITHDRAWN' },
  reject: { from: ['PENDING'], to: 'REJECTED' },
  accept: { from: ['PENDING'], to: 'NEWBIE' },
  promote: { from: ['NEWBIE'], to: 'ACTIVE' },
  makeFormer: { from: ['NEWBIE', 'ACTIVE'], to: 'FORMER' },
  reactivate: { from: ['FORMER'], to: 'ACTIVE' },
  archive: { from: ['FORMER'], to: 'ARCHIVED' },
  unarchive: { from: ['ARCHIVED'], to: 'FORMER' },
}

/** The status `action` leads to from `current` (null: no membership), or null when it is not allowed. */
export function nextStatus(
  action: MembershipAction,
  current: MembershipStatus | null,
): MembershipStatus | null {
  const { from, to } = TRANSITIONS[action]
  return from.includes(current) ? to : null
}

/** Members who serve the group now: they may hold posts and appear in its evaluations. */
export const SERVING: readonly MembershipStatus[] = ['NEWBIE', 'ACTIVE']

/**
 * The membership's current status does not allow the change — usually because another admin
 * changed it first. 409, carrying the current status (null: no membership) for the caller, and as
 * the `status` field for the client.
 */
export class MembershipStateError extends ConflictError {
  constructor(
    readonly action: MembershipAction | 'givePost' | 'takePost' | 'handOverLeadership',
    readonly current: MembershipStatus | null,
  ) {
    super(`Cannot ${action} a membership that is ${current ?? 'absent'}`, { status: [current ?? 'NONE'] })
  }
}
