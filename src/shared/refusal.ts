// The refusal reasons a 409 may carry (DomainError.reason), as the UI translates them.
import { PublicError } from './public-error'

const REASONS = [
  'closed-to-applications',
  'has-points',
  'leader-must-hand-over',
  'leader-by-hand-over',
  'already-leader',
  'cycle',
  'archived-parent',
  'active-children',
  'shared',
  'in-use',
  // the evaluation's rules (src/domains/evaluation/edit-rules.ts)
  'period',
  'status',
  'accepted',
  'not-current-semester',
  'not-eligible',
  'principles-exist',
  'justification-missing',
  'unchanged',
  'cell-changed',
  // the colored entry card review (src/domains/evaluation/entry-review-rules.ts)
  'not-colored',
] as const

/** The message key of the rule that refused `error`, or null when it named none the UI knows. */
export function refusalKey(error: unknown): `refusal.${(typeof REASONS)[number]}` | null {
  if (!(error instanceof PublicError) || !error.reason) return null
  const reason = REASONS.find((r) => r === error.reason)
  return reason ? `refusal.${reason}` : null
}
