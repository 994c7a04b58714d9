import type { MembershipStatus } from '~/generated/prisma/enums'

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
