// The caps on one member's points in one group's evaluation of one semester (PRODUCT.md, "Semesters
// and evaluation"). Pure and client-safe: the point table shows the capped totals to the editor
// before submit with the same function the server applies. The numbers are stored settings
// (SemesterSettings), never literals here; the defaults live in the migration that created them.

/** The stored caps, as SemesterSettings holds them. */
export interface EvaluationCaps {
  /** The most WORK points that count (default 30). */
  work: number
  /** The most RESPONSIBILITY points that count (default 20). */
  responsibility: number
  /** The most the two together count (default 50). */
  total: number
  /** A total of 1..zeroTotalsUpTo becomes 0 (default 2: 1–2 → 0). */
  zeroTotalsUpTo: number
  /** A total above zeroTotalsUpTo but below minimumTotal becomes minimumTotal (default 5: 3–4 → 5). */
  minimumTotal: number
}

/** One member's raw sums per category, as the point table adds up the cells. */
export interface CategorySums {
  work: number
  responsibility: number
}

export interface CappedPoints {
  /** WORK after its cap. */
  work: number
  /** RESPONSIBILITY after its cap. */
  responsibility: number
  /** What the member gets: the capped categories added, capped, low totals moved. */
  total: number
}

/**
 * Applies the caps in the spec's order: each category to its cap, their sum to the total cap, then
 * a low total to 0 or up to the minimum (the Rails app's order; with valid settings — see
 * capsProblem — the last two steps commute). Sums must be whole numbers ≥ 0.
 */
export function capPoints(caps: EvaluationCaps, sums: CategorySums): CappedPoints {
  for (const value of [sums.work, sums.responsibility])
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`Not a point sum: ${value}`)
  const work = Math.min(sums.work, caps.work)
  const responsibility = Math.min(sums.responsibility, caps.responsibility)
  const sum = Math.min(work + responsibility, caps.total)
  const total = sum <= caps.zeroTotalsUpTo ? 0 : Math.max(sum, caps.minimumTotal)
  return { work, responsibility, total }
}

/**
 * Why a set of whole, non-negative caps does not make sense together (the field and a message
 * code), or null. The minimum must lie above the zeroed totals (else a total would be both) and
 * within the total cap (else capping and raising would fight, and their order would matter).
 */
export function capsProblem(caps: EvaluationCaps): { field: keyof EvaluationCaps; code: string } | null {
  if (caps.minimumTotal <= caps.zeroTotalsUpTo) return { field: 'minimumTotal', code: 'tooSmall' }
  if (caps.minimumTotal > caps.total) return { field: 'minimumTotal', code: 'tooLarge' }
  return null
}
