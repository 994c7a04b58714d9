// tRPC over the accepted results: the same entry points as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { historyEntries as entries } from './history.entries'
import { EvaluationHistoryService } from './history.service'

export const historyRouter = router({
  ofUser: guardedProcedure(entries.ofUser).query(({ input, ctx }) =>
    ctx.services.resolve(EvaluationHistoryService).ofUser(input),
  ),
  ofGroup: guardedProcedure(entries.ofGroup).query(({ input, ctx }) =>
    ctx.services.resolve(EvaluationHistoryService).ofGroup(input),
  ),
})
