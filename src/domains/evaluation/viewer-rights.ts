import type { Scope } from '~/server/auth/scopes'
import type { EvaluationViewerRights } from './evaluation.schema'

/** The `evaluation.get` entry's reveal answers as the view's flags. */
export function evaluationViewerRights(granted: ReadonlySet<Scope>): EvaluationViewerRights {
  return {
    editDraft: granted.has('evaluation:edit-draft'),
    editPending: granted.has('evaluation:edit-pending'),
    submit: granted.has('evaluation:submit'),
    judge: granted.has('evaluation:judge'),
    accept: granted.has('evaluation:accept'),
    writeReport: granted.has('group:owner'),
  }
}
