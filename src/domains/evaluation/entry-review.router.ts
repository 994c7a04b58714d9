// tRPC over the colored entry card review: the same entry points as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { entryReviewEntries as entries } from './entry-review.entries'
import { EntryReviewService } from './entry-review.service'

export const entryReviewRouter = router({
  recommend: guardedProcedure(entries.recommend).mutation(({ input, ctx }) =>
    ctx.services.resolve(EntryReviewService).recommend(input),
  ),
  finalize: guardedProcedure(entries.finalize).mutation(({ input, ctx }) =>
    ctx.services.resolve(EntryReviewService).finalize(input),
  ),
  list: guardedProcedure(entries.list).query(({ input, ctx }) =>
    ctx.services.resolve(EntryReviewService).all(input),
  ),
  listOfResort: guardedProcedure(entries.listOfResort).query(({ input, ctx }) =>
    ctx.services.resolve(EntryReviewService).ofResort(input),
  ),
})
