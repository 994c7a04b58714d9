import { describe, expect, it } from 'vitest'
import { currentStatus, memberSince } from '~/domains/membership/status'

const at = (day: number) => new Date(Date.UTC(2025, 8, day))

describe('membership status from history', () => {
  it('is the newest event, the later id winning a tie', () => {
    const events = [
      { id: 1, status: 'PENDING' as const, at: at(1) },
      { id: 3, status: 'FORMER' as const, at: at(9) },
      { id: 2, status: 'ACTIVE' as const, at: at(9) },
    ]
    expect(currentStatus(events)?.status).toBe('FORMER')
    expect(currentStatus([])).toBeUndefined()
  })

  it('dates membership from the first time it became newbie or active', () => {
    const events = [
      { id: 1, status: 'PENDING' as const, at: at(1) },
      { id: 2, status: 'NEWBIE' as const, at: at(3) },
      { id: 3, status: 'ACTIVE' as const, at: at(5) },
    ]
    expect(memberSince(events)).toEqual(at(3))
    expect(memberSince(events.slice(0, 1))).toBeUndefined()
  })
})
