// PRODUCT.md's evaluation caps, as the semesters migration stores them for every realm: tests that
// read the stored settings compare with these, and tests that change the caps put these back.
import type { EvaluationCaps } from '~/domains/semester/caps'

export const DEFAULT_CAPS: EvaluationCaps = {
  work: 30,
  responsibility: 20,
  total: 50,
  zeroTotalsUpTo: 2,
  minimumTotal: 5,
}

/** The caps input of `updateCaps` with every default, the community points cap (100) included. */
export const DEFAULT_CAPS_INPUT = { ...DEFAULT_CAPS, communityPointsCap: 100 }
