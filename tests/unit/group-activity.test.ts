import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { activityStableUntil, isProbablyInactive } from '~/domains/group/activity'

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

describe('activityStableUntil', () => {
  const now = new Date('2026-12-01T12:00:00Z')
  const DAY = 86_400_000

  it('is the moment the youngest-to-turn group turns a year old; never, when all are older', () => {
    const young = [new Date('2026-03-01T08:00:00Z'), new Date('2026-01-10T00:00:00Z')]
    expect(activityStableUntil([new Date('2020-01-01T00:00:00Z'), ...young], now)).toBe(
      Date.parse('2027-01-10T00:00:00Z'),
    )
    expect(activityStableUntil([new Date('2020-01-01T00:00:00Z')], now)).toBe(Infinity)
  })

  it('no group changes its mark by time alone before it (leap days included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 * 366 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 400 * 24 }),
        (daysOld, hoursLater) => {
          const base = new Date('2028-02-29T06:00:00Z') // a leap day
          const createdAts = daysOld.map((d) => new Date(base.getTime() - d * DAY))
          const until = activityStableUntil(createdAts, base)
          const later = new Date(base.getTime() + hoursLater * 3_600_000)
          if (later.getTime() >= until) return
          for (const createdAt of createdAts)
            expect(isProbablyInactive(createdAt, [], later, '2027-2028/2')).toBe(
              isProbablyInactive(createdAt, [], base, '2027-2028/2'),
            )
        },
      ),
    )
  })
})
