// What each evaluation entry point requires (src/server/auth/entry-point.ts), always on the group
// the input names: the service refuses an evaluation of another group with a 404. The guard cannot
// know an evaluation's status, so edits come in pairs over one service method with a mode — the
// group's own editors (evaluation:edit-draft) and reviewers (evaluation:edit-pending), judging
// (evaluation:judge) and accepting (evaluation:accept) — and the service checks status × period ×
// mode (docs/decisions/0015-evaluations.md).
import { entryPoints, requires } from '~/server/auth/entry-point'
import { ANY_TARGET, groupTarget, subtreeTarget } from '~/server/auth/scopes'
import {
  CellRefInput,
  CreatePrincipleInput,
  EvaluationOfGroupInput,
  EvaluationRefInput,
  JudgeInput,
  PostCellCommentInput,
  PostMessageInput,
  PrincipleRefInput,
  RequestInput,
  ResortReviewListInput,
  ReviewListInput,
  SetCellInput,
  SetEntryCardInput,
  SetReportInput,
  UpdatePrincipleInput,
} from './evaluation.schema'

const onGroup = (i: { groupId: number }) => groupTarget(i.groupId)

export const evaluationEntries = entryPoints('evaluation', {
  /** The evaluation with its table; the viewer's rights come in the same decision. */
  get: requires('evaluation:view', EvaluationOfGroupInput, onGroup, {
    reveal: [
      'evaluation:edit-draft',
      'evaluation:edit-pending',
      'evaluation:submit',
      'evaluation:judge',
      'evaluation:accept',
      'group:owner',
    ],
  }),
  /**
   * The reviewers' list: every group's (view on anything: the council) or one resort's subtree —
   * decided on the whole subtree, so a right on the resort alone does not list the groups below it.
   */
  list: requires('evaluation:view', ReviewListInput, () => ANY_TARGET),
  listOfResort: requires('evaluation:view', ResortReviewListInput, (i) => subtreeTarget(i.resortId)),
  messages: requires('evaluation:view', EvaluationRefInput, onGroup),
  postMessage: requires('evaluation:view', PostMessageInput, onGroup),
  cellComments: requires('evaluation:view', CellRefInput, onGroup),
  postCellComment: requires('evaluation:view', PostCellCommentInput, onGroup),
  createPrinciple: requires('evaluation:edit-draft', CreatePrincipleInput, onGroup),
  updatePrinciple: requires('evaluation:edit-draft', UpdatePrincipleInput, onGroup),
  deletePrinciple: requires('evaluation:edit-draft', PrincipleRefInput, onGroup),
  copyPrinciples: requires('evaluation:edit-draft', EvaluationRefInput, onGroup),
  setCell: requires('evaluation:edit-draft', SetCellInput, onGroup),
  reviewSetCell: requires('evaluation:edit-pending', SetCellInput, onGroup),
  setEntryCard: requires('evaluation:edit-draft', SetEntryCardInput, onGroup),
  reviewSetEntryCard: requires('evaluation:edit-pending', SetEntryCardInput, onGroup),
  /** The leader writes the semester report (docs/policies.md: group:owner). */
  setReport: requires('group:owner', SetReportInput, onGroup),
  submit: requires('evaluation:submit', RequestInput, onGroup),
  cancel: requires('evaluation:submit', RequestInput, onGroup),
  judge: requires('evaluation:judge', JudgeInput, onGroup),
  accept: requires('evaluation:accept', JudgeInput, onGroup),
})
