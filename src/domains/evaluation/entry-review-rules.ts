// When colored entry cards may be reviewed (docs/decisions/0016-entry-review-history-exports.md).
// Pure, like edit-rules.ts: the service calls them under the settings and evaluation row locks; who
// may call is the guard's.
import { InvalidStateError } from '~/server/errors'
import type { RequestState } from './edit-rules'

export type EntryReviewReason = 'period' | 'status' | 'not-current-semester' | 'not-colored'

/** A rule of the entry card review refused the change: 409 with the rule as `reason`. */
export class EntryReviewError extends InvalidStateError {
  constructor(override readonly reason: EntryReviewReason) {
    super(`Refused by the entry card review rule: ${reason}`, reason)
  }
}

/** A resort leader's recommendation: the current semester, REVIEW, a submitted (PENDING) entry request. */
export function recommendRefusal(s: RequestState): EntryReviewReason | null {
  if (!s.current) return 'not-current-semester'
  if (s.period !== 'REVIEW') return 'period'
  if (s.status !== 'PENDING') return 'status'
  return null
}

/**
 * The council's final decision: the current semester, REVIEW, an entry request that was submitted —
 * PENDING, or already ACCEPTED (the council may accept the request first and finish the cards after).
 */
export function finalizeRefusal(s: RequestState): EntryReviewReason | null {
  if (!s.current) return 'not-current-semester'
  if (s.period !== 'REVIEW') return 'period'
  if (s.status !== 'PENDING' && s.status !== 'ACCEPTED') return 'status'
  return null
}
