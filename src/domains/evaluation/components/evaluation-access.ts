// What the evaluation screen offers, and how a refusal reads. The rules mirror edit-rules.ts (server
// only: it throws the server's errors) so the screen shows inputs only where a write can pass; the
// server still decides every write, and its refusal is shown by its reason.
import type { TFunction } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { refusalKey } from '~/shared/refusal'
import type { EvaluationView, RequestKind } from '../evaluation.schema'

/** `group`: the group's editors on a draft; `review`: reviewers on a pending request; null: read only. */
export type EditMode = 'group' | 'review' | null

type Status = EvaluationView['pointStatus']

const isDraft = (status: Status) => status === 'NOT_SUBMITTED' || status === 'REJECTED'

type DraftRefusal = 'accepted' | 'not-current-semester' | 'period' | 'status'

/** Why the group's editors may not change the request's draft now (edit-rules.ts, `group` mode), or null. */
function draftRefusal(view: EvaluationView, status: Status): DraftRefusal | null {
  if (status === 'ACCEPTED') return 'accepted'
  if (!view.current) return 'not-current-semester'
  if (view.period !== 'SUBMISSION') return 'period'
  if (!isDraft(status)) return 'status'
  return null
}

function modeFor(view: EvaluationView, status: Status): EditMode {
  if (view.viewer.editDraft && draftRefusal(view, status) === null) return 'group'
  if (!view.current || status === 'ACCEPTED') return null
  if (view.viewer.editPending && view.period === 'REVIEW' && status === 'PENDING') return 'review'
  return null
}

/**
 * Whether the viewer writes the report: only its leader (group:owner), and then why not now (the
 * point request's `group` rules, as the server's setReport checks them), or null when the form is open.
 */
export function reportAccess(view: EvaluationView) {
  return { leader: view.viewer.writeReport, refusal: draftRefusal(view, view.pointStatus) }
}

/** How the viewer may edit the points (principles only in `group` mode) and the entry cards now. */
export function editAccess(view: EvaluationView) {
  const points = modeFor(view, view.pointStatus)
  return { points, entries: modeFor(view, view.entryStatus), principles: points === 'group' }
}

const statusOf = (view: EvaluationView, request: RequestKind) =>
  request === 'points' ? view.pointStatus : view.entryStatus

/** Submit: current semester, SUBMISSION, not PENDING or ACCEPTED; cancel: SUBMISSION, PENDING. */
export function requestActions(view: EvaluationView, request: RequestKind) {
  const status = statusOf(view, request)
  const open = view.viewer.submit && view.current && view.period === 'SUBMISSION'
  return { submit: open && isDraft(status), cancel: open && status === 'PENDING' }
}

/** The refusal of a failed write in words, or null when it named no rule (a failure to retry). */
export function refusalMessage(t: TFunction, error: unknown): string | null {
  const key = refusalKey(error)
  if (key) return t(key)
  if (error instanceof PublicError && error.status === 403) return t('roster.forbidden')
  return null
}

/** The stored value of a cell that another editor changed meanwhile (409 `cell-changed`), or null. */
export function changedCellValue(error: unknown): number | null {
  if (!(error instanceof PublicError) || error.reason !== 'cell-changed') return null
  const value = Number(error.fields?.value?.[0])
  return Number.isInteger(value) ? value : null
}

/** The message codes of a 400's field, e.g. `value` → ['tooLarge']. */
export function fieldCodes(error: unknown, field: string): string[] {
  return error instanceof PublicError && error.code === 'VALIDATION' ? (error.fields?.[field] ?? []) : []
}
