// tRPC over the evaluation services: the same entry points (and modes) as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { evaluationEntries as entries } from './evaluation.entries'
import { EvaluationService } from './evaluation.service'
import { EvaluationListService } from './evaluation-list.service'
import { EvaluationStatusService } from './evaluation-status.service'
import { evaluationViewerRights } from './viewer-rights'

const content = EvaluationService
const statuses = EvaluationStatusService

export const evaluationRouter = router({
  get: guardedProcedure(entries.get).query(({ input, ctx }) =>
    ctx.services.resolve(content).open(input, evaluationViewerRights(ctx.granted)),
  ),
  list: guardedProcedure(entries.list).query(({ input, ctx }) =>
    ctx.services.resolve(EvaluationListService).all(input),
  ),
  listOfResort: guardedProcedure(entries.listOfResort).query(({ input, ctx }) =>
    ctx.services.resolve(EvaluationListService).ofResort(input),
  ),
  messages: guardedProcedure(entries.messages).query(({ input, ctx }) =>
    ctx.services.resolve(content).messages(input),
  ),
  postMessage: guardedProcedure(entries.postMessage).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).postMessage(input),
  ),
  cellComments: guardedProcedure(entries.cellComments).query(({ input, ctx }) =>
    ctx.services.resolve(content).cellComments(input),
  ),
  postCellComment: guardedProcedure(entries.postCellComment).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).postCellComment(input),
  ),
  createPrinciple: guardedProcedure(entries.createPrinciple).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).createPrinciple(input),
  ),
  updatePrinciple: guardedProcedure(entries.updatePrinciple).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).updatePrinciple(input),
  ),
  deletePrinciple: guardedProcedure(entries.deletePrinciple).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).deletePrinciple(input),
  ),
  copyPrinciples: guardedProcedure(entries.copyPrinciples).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).copyPreviousPrinciples(input),
  ),
  setCell: guardedProcedure(entries.setCell).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).setCell(input, 'group'),
  ),
  reviewSetCell: guardedProcedure(entries.reviewSetCell).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).setCell(input, 'review'),
  ),
  setEntryCard: guardedProcedure(entries.setEntryCard).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).setEntryCard(input, 'group'),
  ),
  reviewSetEntryCard: guardedProcedure(entries.reviewSetEntryCard).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).setEntryCard(input, 'review'),
  ),
  setReport: guardedProcedure(entries.setReport).mutation(({ input, ctx }) =>
    ctx.services.resolve(content).setReport(input),
  ),
  submit: guardedProcedure(entries.submit).mutation(({ input, ctx }) =>
    ctx.services.resolve(statuses).submit(input),
  ),
  cancel: guardedProcedure(entries.cancel).mutation(({ input, ctx }) =>
    ctx.services.resolve(statuses).cancel(input),
  ),
  judge: guardedProcedure(entries.judge).mutation(({ input, ctx }) =>
    ctx.services.resolve(statuses).judge(input, 'judge'),
  ),
  accept: guardedProcedure(entries.accept).mutation(({ input, ctx }) =>
    ctx.services.resolve(statuses).judge(input, 'accept'),
  ),
})
