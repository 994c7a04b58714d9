// The evaluation's business rules on status × period × mode (PRODUCT.md, "Semesters and
// evaluation"; docs/decisions/0015-evaluations.md). Pure: the services call them under the settings
// and evaluation row locks. WHO may call (the scope on the group) is the guard's; a mode says which
// entry point the call came through.
import type { Period } from '~/domains/semester/semester.schema'
import type { RequestStatus } from '~/generated/prisma/enums'
import { ConflictError, InvalidStateError } from '~/server/errors'

/** `group`: the group's own editors (evaluation:edit-draft); `review`: reviewers (evaluation:edit-pending). */
export type EditMode = 'group' | 'review'
/** `judge`: evaluation:judge (anything but ACCEPTED); `accept`: evaluation:accept (the RVT leader). */
export type JudgeMode = 'judge' | 'accept'

export type RuleReason =
  | 'period'
  | 'status'
  | 'accepted'
  | 'not-current-semester'
  | 'not-eligible'
  | 'principles-exist'
  | 'justification-missing'
  | 'unchanged'

/** A rule of the evaluation refused the change: 409 with the rule as `reason`. */
export class EvaluationRuleError extends InvalidStateError {
  constructor(
    override readonly reason: RuleReason,
    message = `Refused by the evaluation rule: ${reason}`,
  ) {
    super(message, reason)
  }
}

/** A KB or ÁB card without a justification blocks the entry request: the members in `members`. */
export class MissingJustificationError extends ConflictError {
  override readonly reason = 'justification-missing'
  constructor(readonly membershipIds: number[]) {
    super('KB and ÁB entry cards need a justification', { members: membershipIds.map(String) })
  }
}

/** Another editor changed the cell since the caller saw it: 409 carrying the current value. */
export class CellChangedError extends ConflictError {
  override readonly reason = 'cell-changed'
  constructor(readonly current: number) {
    super('The cell was changed by someone else', { value: [String(current)] })
  }
}

export interface RequestState {
  status: RequestStatus
  period: Period
  /** The evaluation is the current semester's. */
  current: boolean
}

/** Why the request's part (points, or entry cards) may not be edited in `mode`, or null. */
export function editRefusal(mode: EditMode, s: RequestState): RuleReason | null {
  if (s.status === 'ACCEPTED') return 'accepted'
  if (!s.current) return 'not-current-semester'
  if (mode === 'group') {
    if (s.period !== 'SUBMISSION') return 'period'
    if (s.status !== 'NOT_SUBMITTED' && s.status !== 'REJECTED') return 'status'
  } else {
    if (s.period !== 'REVIEW') return 'period'
    if (s.status !== 'PENDING') return 'status'
  }
  return null
}

/** Why the request may not be submitted, or null: current semester, SUBMISSION, not PENDING or ACCEPTED. */
export function submitRefusal(s: RequestState): RuleReason | null {
  if (!s.current) return 'not-current-semester'
  if (s.period !== 'SUBMISSION') return 'period'
  if (s.status === 'ACCEPTED') return 'accepted'
  if (s.status === 'PENDING') return 'status'
  return null
}

/** Why the request may not be cancelled, or null: only in SUBMISSION and only while PENDING. */
export function cancelRefusal(s: RequestState): RuleReason | null {
  if (!s.current) return 'not-current-semester'
  if (s.period !== 'SUBMISSION') return 'period'
  if (s.status !== 'PENDING') return 'status'
  return null
}

/**
 * Why `from` may not become `to` in a judgement, or null: in REVIEW, current semester; `judge`
 * never sets ACCEPTED nor touches an ACCEPTED request; `accept` may do both.
 */
export function judgeRefusal(mode: JudgeMode, s: RequestState, to: RequestStatus): RuleReason | null {
  if (!s.current) return 'not-current-semester'
  if (s.period !== 'REVIEW') return 'period'
  if (mode === 'judge' && (s.status === 'ACCEPTED' || to === 'ACCEPTED')) return 'accepted'
  return null
}
