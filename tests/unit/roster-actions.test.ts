// The member screens' buttons come from the state machine: each status offers exactly the admin
// changes the server would allow, and "apply" exactly from no membership or a closed one.
import { describe, expect, it } from 'vitest'
import {
  ADMIN_ACTIONS,
  adminActionsFor,
  conflictStatus,
  isDestructive,
  mayApplyFrom,
} from '~/domains/membership/components/roster-actions'
import { nextStatus } from '~/domains/membership/status'
import { MembershipStatus } from '~/generated/prisma/enums'
import { PublicError } from '~/shared/public-error'

describe('roster actions', () => {
  it('offer per status the admin changes the state machine allows, and only those', () => {
    expect(adminActionsFor('PENDING')).toEqual(['accept', 'reject'])
    expect(adminActionsFor('NEWBIE')).toEqual(['promote', 'makeFormer'])
    expect(adminActionsFor('ACTIVE')).toEqual(['makeFormer'])
    expect(adminActionsFor('FORMER')).toEqual(['reactivate', 'archive'])
    expect(adminActionsFor('ARCHIVED')).toEqual(['unarchive'])
    expect(adminActionsFor('WITHDRAWN')).toEqual([])
    expect(adminActionsFor('REJECTED')).toEqual([])
    for (const status of Object.values(MembershipStatus))
      for (const action of ADMIN_ACTIONS)
        expect(adminActionsFor(status).includes(action)).toBe(nextStatus(action, status) !== null)
  })

  it('ask first before the changes that take something away', () => {
    expect(ADMIN_ACTIONS.filter(isDestructive)).toEqual(['reject', 'makeFormer', 'archive'])
  })

  it('offer applying without a membership or after a closed one', () => {
    const open = [null, ...Object.values(MembershipStatus)].filter(mayApplyFrom)
    expect(open.sort()).toEqual([null, 'ARCHIVED', 'REJECTED', 'WITHDRAWN'].sort())
  })

  it('read the current status from a 409 of the state machine only', () => {
    const conflict = new PublicError(409, 'CONFLICT', 'Cannot accept', { status: ['NEWBIE'] })
    expect(conflictStatus(conflict)).toBe('NEWBIE')
    expect(conflictStatus(new PublicError(409, 'INVALID_STATE', 'No'))).toBeUndefined()
    expect(conflictStatus(new PublicError(409, 'CONFLICT', 'Stale', { version: ['3'] }))).toBeUndefined()
    expect(conflictStatus(new Error('network'))).toBeUndefined()
  })
})
