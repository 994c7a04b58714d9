// The evaluation's business rules on status × period × mode (PRODUCT.md, "Semesters and
// evaluation"; docs/decisions/0015-evaluations.md). Pure and client-safe: the services call them
// under the settings and evaluation row locks, and the evaluation screen asks them which inputs to
// offer. WHO may call (the scope on the group) is the guard's; a mode says which entry point the call
// came through. The refusals as errors: evaluation.errors.ts.
import type { Period } from '~/domains/semester/semester.schema'
import type { RequestStatus } from '~/generated/prisma/enums'

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

export interface RequestState {
  status: RequestStatus
  period: Period
  /** The evaluation is the current semester's. */
  current: boolean
}

/** The reasons an edit is refused for (the screen has a text for each). */
export type EditRefusal = Extract<RuleReason, 'accepted' | 'not-current-semester' | 'period' | 'status'>

/** Why the request's part (points, or entry cards) may not be edited in `mode`, or null. */
export function editRefusal(mode: EditMode, s: RequestState): EditRefusal | null {
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
