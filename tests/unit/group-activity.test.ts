import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isProbablyInactive } from '~/domains/group/activity'

describe('isProbablyInactive', () => {
  const now = new Date('2026-12-01T12:00:00Z') // in 2026-2027/1
  const old = new Date('2020-03-01T00:00:00Z')

  it('needs a group over a year old with no evaluation in either of the two previous semesters', () => {
    expect(isProbablyInactive(old, [], now)).toBe(true)
    expect(isProbablyInactive(old, ['2025-2026/2'], now)).toBe(false)
    expect(isProbablyInactive(old, ['2025-2026/1'], now)).toBe(false)
    // The current semester and older ones do not count.
    expect(isProbablyInactive(old, ['2026-2027/1', '2024-2025/2'], now)).toBe(true)
    expect(isProbablyInactive(new Date('2026-01-15T00:00:00Z'), [], now)).toBe(false)
    expect(isProbablyInactive(new Date('2025-12-01T12:00:00Z'), [], now)).toBe(true)
  })

  it('counts from the given current semester when the council has set one', () => {
    expect(isProbablyInactive(old, ['2025-2026/1'], now, '2026-2027/2')).toBe(true)
  })

  it('never calls a group younger than a year inactive, whatever its evaluations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), (daysOld) => {
        const createdAt = new Date(now.getTime() - daysOld * 86_400_000)
        expect(isProbablyInactive(createdAt, [], now)).toBe(false)
      }),
    )
  })
})
