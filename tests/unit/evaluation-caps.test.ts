// The caps on one member's points per group per semester (PRODUCT.md): WORK ≤ 30, RESPONSIBILITY ≤
// 20, total ≤ 50, a total of 1–2 becomes 0 and 3–4 becomes 5 — with the stored defaults, at every
// boundary, and with other stored settings.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CategorySums, capPoints, capsProblem } from '~/domains/semester/caps'
import { CapsInput } from '~/domains/semester/semester.schema'
import { DEFAULT_CAPS, DEFAULT_CAPS_INPUT } from '../support/semesters'

/** PRODUCT.md's numbers, as the migration stores them. */
const DEFAULTS = DEFAULT_CAPS
const total = (work: number, responsibility = 0, caps = DEFAULTS) =>
  capPoints(caps, { work, responsibility }).total

describe('low totals', () => {
  it('0 → 0, 1 → 0, 2 → 0, 3 → 5, 4 → 5, 5 → 5, 6 → 6', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => total(n))).toEqual([0, 0, 0, 5, 5, 5, 6])
  })

  it('judge the sum of the two categories, not each one', () => {
    expect(total(1, 1)).toBe(0)
    expect(total(1, 2)).toBe(5)
    expect(total(2, 2)).toBe(5)
    expect(total(0, 3)).toBe(5)
    expect(total(3, 2)).toBe(5)
    expect(total(4, 2)).toBe(6)
  })
})

describe('category caps', () => {
  it('WORK counts up to 30: 29, 30, 31 → 29, 30, 30', () => {
    expect([29, 30, 31, 100].map((w) => capPoints(DEFAULTS, { work: w, responsibility: 0 }))).toEqual([
      { work: 29, responsibility: 0, total: 29 },
      { work: 30, responsibility: 0, total: 30 },
      { work: 30, responsibility: 0, total: 30 },
      { work: 30, responsibility: 0, total: 30 },
    ])
  })

  it('RESPONSIBILITY counts up to 20: 19, 20, 21 → 19, 20, 20', () => {
    expect(
      [19, 20, 21].map((r) => capPoints(DEFAULTS, { work: 0, responsibility: r }).responsibility),
    ).toEqual([19, 20, 20])
  })

  it('a full WORK does not use up RESPONSIBILITY: 30 + 20 = 50, 31 + 21 = 50', () => {
    expect(total(30, 20)).toBe(50)
    expect(total(31, 21)).toBe(50)
    expect(total(30, 19)).toBe(49)
    expect(total(29, 20)).toBe(49)
  })
})

describe('the total cap', () => {
  // With the defaults 30 + 20 = 50 the total cap never binds; a council may lower it.
  const lowered = { ...DEFAULTS, total: 40 }
  it('49, 50, 51 → 49, 50, 50 with the defaults (51 only by the categories)', () => {
    expect(total(29, 20)).toBe(49)
    expect(total(30, 20)).toBe(50)
    expect(total(31, 20)).toBe(50)
  })

  it('binds when stored lower: 39, 40, 41 → 39, 40, 40', () => {
    expect(total(20, 19, lowered)).toBe(39)
    expect(total(20, 20, lowered)).toBe(40)
    expect(total(21, 20, lowered)).toBe(40)
  })

  it('follows other stored settings for the low totals too', () => {
    const other = { work: 40, responsibility: 40, total: 60, zeroTotalsUpTo: 4, minimumTotal: 10 }
    expect([0, 4, 5, 9, 10, 11].map((n) => total(n, 0, other))).toEqual([0, 0, 10, 10, 10, 11])
    expect(total(40, 40, other)).toBe(60)
  })
})

describe('always', () => {
  const sums = fc.record({ work: fc.nat(200), responsibility: fc.nat(200) })
  it('keeps each part within its cap, never gives 1..zeroTotalsUpTo nor below the minimum', () => {
    fc.assert(
      fc.property(sums, ({ work, responsibility }: CategorySums) => {
        const capped = capPoints(DEFAULTS, { work, responsibility })
        expect(capped.work).toBe(Math.min(work, 30))
        expect(capped.responsibility).toBe(Math.min(responsibility, 20))
        expect(capped.total === 0 || (capped.total >= 5 && capped.total <= 50)).toBe(true)
        expect(capped.total === 0).toBe(capped.work + capped.responsibility <= 2)
      }),
    )
  })

  it('never lowers a total when a cell grows', () => {
    fc.assert(
      fc.property(sums, fc.nat(10), (s, more) => {
        expect(total(s.work + more, s.responsibility)).toBeGreaterThanOrEqual(total(s.work, s.responsibility))
      }),
    )
  })

  it('refuses sums that are not whole and non-negative', () => {
    expect(() => capPoints(DEFAULTS, { work: -1, responsibility: 0 })).toThrow(RangeError)
    expect(() => capPoints(DEFAULTS, { work: 0, responsibility: 1.5 })).toThrow(RangeError)
  })
})

describe('stored caps', () => {
  const input = DEFAULT_CAPS_INPUT
  it('accept the defaults', () => {
    expect(capsProblem(DEFAULTS)).toBeNull()
    expect(CapsInput.safeParse(input).success).toBe(true)
  })

  it('refuse a minimum that is not above the zeroed totals or lies above the total cap', () => {
    expect(capsProblem({ ...DEFAULTS, minimumTotal: 2 })).toEqual({ field: 'minimumTotal', code: 'tooSmall' })
    expect(capsProblem({ ...DEFAULTS, minimumTotal: 51 })).toEqual({
      field: 'minimumTotal',
      code: 'tooLarge',
    })
    const bad = CapsInput.safeParse({ ...input, zeroTotalsUpTo: 5 })
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['minimumTotal', 'tooSmall'],
    ])
  })

  it('refuse values that are not whole numbers from 0 to 1000', () => {
    for (const value of [-1, 1.5, 1001, '30', null]) {
      const bad = CapsInput.safeParse({ ...input, work: value })
      expect(
        bad.error?.issues.map((i) => [i.path.join('.'), i.message]),
        String(value),
      ).toEqual([['work', 'invalid']])
    }
  })
})
