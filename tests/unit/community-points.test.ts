// The community points formula (PRODUCT.md): per user, each group's points summed over the semester
// and the one before, then √(Σ total²), rounded down, capped. Hand-computed examples, and a property
// test against a second, deliberately plain implementation on generated data.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AcceptedPoints,
  computeCommunityPoints,
  floorSqrt,
  type UserCommunityPoints,
} from '~/domains/semester/community-points'
import { previousSemester, type SemesterId, semesterIdOf } from '~/domains/semester/semester-id'

const S: SemesterId = '2024-2025/2'
const P: SemesterId = '2024-2025/1'
const OLDER: SemesterId = '2023-2024/2'
const LATER: SemesterId = '2025-2026/1'

const row = (userId: number, groupId: number, semester: SemesterId, points: number): AcceptedPoints => ({
  userId,
  groupId,
  semester,
  points,
})
const pointsOf = (rows: AcceptedPoints[], cap = 100) =>
  Object.fromEntries(computeCommunityPoints(rows, S, cap).map((u) => [u.userId, u.points]))

describe('hand-computed examples', () => {
  it('sums one group over both semesters before squaring: 30 + 20 → 50', () => {
    const [result] = computeCommunityPoints([row(1, 10, S, 30), row(1, 10, P, 20)], S, 100)
    expect(result).toEqual({
      userId: 1,
      points: 50,
      groups: [{ groupId: 10, current: 30, previous: 20, total: 50 }],
    })
  })

  it('combines groups as the root of the sum of squares: 30 and 40 → 50', () => {
    expect(pointsOf([row(1, 10, S, 30), row(1, 11, S, 40)])).toEqual({ 1: 50 })
    // Across semesters: group 10 has 30 (now), group 11 has 40 (before).
    expect(pointsOf([row(1, 10, S, 30), row(1, 11, P, 40)])).toEqual({ 1: 50 })
  })

  it('is not the root of squares per semester: 20 + 20 in one group is 40, not √800 ≈ 28', () => {
    expect(pointsOf([row(1, 10, S, 20), row(1, 10, P, 20)])).toEqual({ 1: 40 })
  })

  it('rounds the root down: 50 and 50 → ⌊70.71⌋ = 70; 1 and 1 → 1', () => {
    expect(pointsOf([row(1, 10, S, 50), row(1, 11, S, 50)])).toEqual({ 1: 70 })
    expect(pointsOf([row(1, 10, S, 1), row(1, 11, S, 1)])).toEqual({ 1: 1 })
  })

  it('caps at the setting: 100 by default, whatever the setting is otherwise', () => {
    // Three groups of 50 + 50: √(3 · 100²) ≈ 173 → 100.
    const many = [10, 11, 12].flatMap((g) => [row(1, g, S, 50), row(1, g, P, 50)])
    expect(pointsOf(many)).toEqual({ 1: 100 })
    expect(pointsOf(many, 120)).toEqual({ 1: 120 })
    expect(pointsOf(many, 200)).toEqual({ 1: 173 })
    // Exactly at the cap stays.
    expect(pointsOf([row(1, 10, S, 50), row(1, 10, P, 50)])).toEqual({ 1: 100 })
  })

  it('ignores other semesters, and leaves out users who come to 0', () => {
    const rows = [row(1, 10, OLDER, 50), row(1, 10, LATER, 50), row(2, 10, S, 0), row(3, 10, P, 5)]
    expect(computeCommunityPoints(rows, S, 100)).toEqual([
      { userId: 3, points: 5, groups: [{ groupId: 10, current: 0, previous: 5, total: 5 }] },
    ])
  })

  it('keeps users apart, lists them by id and their groups by id', () => {
    const rows = [row(2, 12, S, 9), row(1, 11, S, 3), row(2, 10, P, 12), row(1, 10, S, 4)]
    const result = computeCommunityPoints(rows, S, 100)
    expect(result.map((u) => [u.userId, u.points])).toEqual([
      [1, 5],
      [2, 15],
    ])
    expect(result[1]?.groups.map((g) => g.groupId)).toEqual([10, 12])
  })

  it('adds two rows of the same group and semester (the source should not send them, but may)', () => {
    expect(pointsOf([row(1, 10, S, 10), row(1, 10, S, 20)])).toEqual({ 1: 30 })
  })

  it('refuses points that are not whole and non-negative, and a bad cap', () => {
    expect(() => computeCommunityPoints([row(1, 10, S, -1)], S, 100)).toThrow(RangeError)
    expect(() => computeCommunityPoints([row(1, 10, S, 2.5)], S, 100)).toThrow(RangeError)
    expect(() => computeCommunityPoints([], S, -1)).toThrow(RangeError)
    expect(computeCommunityPoints([], S, 100)).toEqual([])
  })
})

describe('floorSqrt', () => {
  it('is exact for perfect squares and their neighbours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90_000_000 }), (k) => {
        expect(floorSqrt(k * k)).toBe(k)
        if (k > 0) expect(floorSqrt(k * k - 1)).toBe(k - 1)
        expect(floorSqrt(k * k + 2 * k)).toBe(k)
      }),
    )
  })
})

/**
 * The formula written out the plain way, independently of the implementation: loops over every
 * user and every group, no maps of maps, the root found by counting up.
 */
function plainCommunityPoints(rows: AcceptedPoints[], semester: SemesterId, cap: number) {
  const previous = previousSemester(semester)
  const relevant = rows.filter((r) => r.semester === semester || r.semester === previous)
  const users = [...new Set(relevant.map((r) => r.userId))].sort((a, b) => a - b)
  const result: { userId: number; points: number; totals: Record<number, number> }[] = []
  for (const userId of users) {
    const mine = relevant.filter((r) => r.userId === userId)
    const totals: Record<number, number> = {}
    for (const r of mine) totals[r.groupId] = (totals[r.groupId] ?? 0) + r.points
    let sumOfSquares = 0
    for (const total of Object.values(totals)) sumOfSquares += total * total
    let root = 0
    while ((root + 1) * (root + 1) <= sumOfSquares) root++
    const points = Math.min(root, cap)
    if (points > 0) result.push({ userId, points, totals })
  }
  return result
}

const totalsOf = (u: UserCommunityPoints) => Object.fromEntries(u.groups.map((g) => [g.groupId, g.total]))

describe('against the plain implementation', () => {
  const semesters = fc.constantFrom<SemesterId>(S, P, OLDER, LATER)
  const rows = fc.array(
    fc.record({
      userId: fc.integer({ min: 1, max: 8 }),
      groupId: fc.integer({ min: 1, max: 6 }),
      semester: semesters,
      points: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, 1, 2, 5, 50)),
    }),
    { maxLength: 60 },
  )

  it('agrees on every user, point and group total', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 150 }), (data, cap) => {
        const got = computeCommunityPoints(data, S, cap)
        const want = plainCommunityPoints(data, S, cap)
        expect(got.map((u) => ({ userId: u.userId, points: u.points, totals: totalsOf(u) }))).toEqual(want)
        for (const u of got) {
          for (const g of u.groups) expect(g.total).toBe(g.current + g.previous)
          expect(u.points).toBeLessThanOrEqual(cap)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        rows.chain((data) =>
          fc.tuple(
            fc.constant(data),
            fc.shuffledSubarray(data, { minLength: data.length, maxLength: data.length }),
          ),
        ),
        ([data, shuffled]) => {
          expect(computeCommunityPoints(shuffled, S, 100)).toEqual(computeCommunityPoints(data, S, 100))
        },
      ),
    )
  })

  it('never falls when a user gains points, until the cap', () => {
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 50 }),
        (data, groupId, extra) => {
          const before = pointsOf(data)[1] ?? 0
          const after = pointsOf([...data, row(1, groupId, S, extra)])[1] ?? 0
          expect(after).toBeGreaterThanOrEqual(before)
        },
      ),
    )
  })

  it('works for any semester in the range, not only the examples', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1991, max: 2199 }),
        fc.constantFrom<1 | 2>(1, 2),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (year, half, a, b) => {
          const semester = semesterIdOf(year, half)
          const result = computeCommunityPoints(
            [row(1, 10, semester, a), row(1, 10, previousSemester(semester), b)],
            semester,
            100,
          )
          expect(result.map((u) => u.points)).toEqual(a + b > 0 ? [a + b] : [])
        },
      ),
    )
  })
})
