// Server functions of the accepted results (profile and group history): guard + one service call.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { historyEntries as entries } from './history.entries'
import { EvaluationHistoryService } from './history.service'

export const getUserHistory = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.ofUser)])
  .handler(({ data, context }) => context.services.resolve(EvaluationHistoryService).ofUser(data))

export const getGroupHistory = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.ofGroup)])
  .handler(({ data, context }) => context.services.resolve(EvaluationHistoryService).ofGroup(data))
