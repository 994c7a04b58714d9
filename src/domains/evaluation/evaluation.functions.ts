// Server functions of evaluations: guard (./evaluation.entries.ts) + one service call each. Paired
// entries call the same method with the mode their scope stands for.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { jsonResponse } from '~/shared/json-wire'
import { evaluationEntries as entries } from './evaluation.entries'
import { EvaluationView, ReviewItems } from './evaluation.schema'
import { EvaluationService } from './evaluation.service'
import { EvaluationListService } from './evaluation-list.service'
import { EvaluationStatusService } from './evaluation-status.service'
import { evaluationViewerRights } from './viewer-rights'

export const getEvaluation = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.get)])
  .handler(async ({ data, context }) =>
    jsonResponse(
      await context.services.resolve(EvaluationService).open(data, evaluationViewerRights(context.granted)),
      EvaluationView,
    ),
  )

export const listEvaluations = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.list)])
  .handler(async ({ data, context }) =>
    jsonResponse(await context.services.resolve(EvaluationListService).all(data), ReviewItems),
  )

export const listResortEvaluations = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.listOfResort)])
  .handler(async ({ data, context }) =>
    jsonResponse(await context.services.resolve(EvaluationListService).ofResort(data), ReviewItems),
  )

export const getEvaluationMessages = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.messages)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).messages(data))

export const postEvaluationMessage = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.postMessage)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).postMessage(data))

export const getCellComments = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.cellComments)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).cellComments(data))

export const postCellComment = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.postCellComment)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).postCellComment(data))

export const createPrinciple = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.createPrinciple)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).createPrinciple(data))

export const updatePrinciple = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.updatePrinciple)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).updatePrinciple(data))

export const deletePrinciple = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.deletePrinciple)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).deletePrinciple(data))

export const copyPreviousPrinciples = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.copyPrinciples)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).copyPreviousPrinciples(data))

export const setPointCell = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.setCell)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).setCell(data, 'group'))

export const reviewSetPointCell = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.reviewSetCell)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).setCell(data, 'review'))

export const setEntryCard = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.setEntryCard)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).setEntryCard(data, 'group'))

export const reviewSetEntryCard = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.reviewSetEntryCard)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).setEntryCard(data, 'review'))

export const setEvaluationReport = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.setReport)])
  .handler(({ data, context }) => context.services.resolve(EvaluationService).setReport(data))

export const submitEvaluationRequest = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.submit)])
  .handler(({ data, context }) => context.services.resolve(EvaluationStatusService).submit(data))

export const cancelEvaluationRequest = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.cancel)])
  .handler(({ data, context }) => context.services.resolve(EvaluationStatusService).cancel(data))

export const judgeEvaluation = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.judge)])
  .handler(({ data, context }) => context.services.resolve(EvaluationStatusService).judge(data, 'judge'))

export const acceptEvaluation = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.accept)])
  .handler(({ data, context }) => context.services.resolve(EvaluationStatusService).judge(data, 'accept'))
