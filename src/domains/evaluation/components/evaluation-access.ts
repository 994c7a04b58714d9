// What the evaluation screen offers, and how a refusal reads. The rules are the server's own
// (edit-rules.ts), asked with the viewer's revealed rights, so the screen shows inputs only where a
// write can pass; the server still decides every write, and its refusal is shown by its reason.
import type { TFunction } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { refusalKey } from '~/shared/refusal'
import { cancelRefusal, editRefusal, type EditMode as Mode, submitRefusal } from '../edit-rules'
import type { EvaluationView, RequestKind } from '../evaluation.schema'

/** `group`: the group's editors on a draft; `review`: reviewers on a pending request; null: read only. */
export type EditMode = Mode | null

type Status = EvaluationView['pointStatus']

const state = (view: EvaluationView, status: Status) => ({
  status,
  period: view.period,
  current: view.current,
})

function modeFor(view: EvaluationView, status: Status): EditMode {
  if (view.viewer.editDraft && editRefusal('group', state(view, status)) === null) return 'group'
  if (view.viewer.editPending && editRefusal('review', state(view, status)) === null) return 'review'
  return null
}

/**
 * Whether the viewer writes the report: only its leader (group:owner), and then why not now (the
 * point request's `group` rules, as the server's setReport checks them), or null when the form is open.
 */
export function reportAccess(view: EvaluationView) {
  return { leader: view.viewer.writeReport, refusal: editRefusal('group', state(view, view.pointStatus)) }
}

/** How the viewer may edit the points (principles only in `group` mode) and the entry cards now. */
export function editAccess(view: EvaluationView) {
  const points = modeFor(view, view.pointStatus)
  return { points, entries: modeFor(view, view.entryStatus), principles: points === 'group' }
}

const statusOf = (view: EvaluationView, request: RequestKind) =>
  request === 'points' ? view.pointStatus : view.entryStatus

/** Submit and cancel where the viewer may submit and the rules allow it now. */
export function requestActions(view: EvaluationView, request: RequestKind) {
  const now = state(view, statusOf(view, request))
  return {
    submit: view.viewer.submit && submitRefusal(now) === null,
    cancel: view.viewer.submit && cancelRefusal(now) === null,
  }
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
