import { describe, expect, it } from 'vitest'
import { type MembershipAction, nextStatus, TRANSITIONS } from '~/domains/membership/status'
import type { MembershipStatus } from '~/generated/prisma/enums'

const STATUSES: (MembershipStatus | null)[] = [
  null,
  'PENDING',
  'NEWBIE',
  'ACTIVE',
  'FORMER',
  'ARCHIVED',
  'WITHDRAWN',
  'REJECTED',
]

describe('membership transitions', () => {
  it('follow PENDING → NEWBIE → ACTIVE → FORMER → ARCHIVED with reactivate and unarchive', () => {
    const walk: [MembershipAction, MembershipStatus][] = [
      ['apply', 'PENDING'],
      ['accept', 'NEWBIE'],
      ['promote', 'ACTIVE'],
      ['makeFormer', 'FORMER'],
      ['reactivate', 'ACTIVE'],
      ['makeFormer', 'FORMER'],
      ['archive', 'ARCHIVED'],
      ['unarchive', 'FORMER'],
      ['archive', 'ARCHIVED'],
      ['apply', 'PENDING'],
      ['reject', 'REJECTED'],
      ['apply', 'PENDING'],
      ['withdraw', 'WITHDRAWN'],
      ['add', 'ACTIVE'],
    ]
    let status: MembershipStatus | null = null
    for (const [action, to] of walk) {
      status = nextStatus(action, status)
      expect([action, status]).toEqual([action, to])
    }
  })

  it('lets nobody apply or be added while they are a member or an applicant', () => {
    for (const status of ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER'] as const) {
      expect(nextStatus('apply', status)).toBeNull()
      expect(nextStatus('add', status)).toBeNull()
    }
  })

  it('withdraws and rejects only pending applications, and allows nothing else from nothing', () => {
    for (const status of STATUSES) {
      expect(nextStatus('withdraw', status) !== null).toBe(status === 'PENDING')
      expect(nextStatus('reject', status) !== null).toBe(status === 'PENDING')
    }
    const fromNothing = (Object.keys(TRANSITIONS) as MembershipAction[]).filter((a) => nextStatus(a, null))
    expect(fromNothing.sort()).toEqual(['add', 'apply'])
  })
})
