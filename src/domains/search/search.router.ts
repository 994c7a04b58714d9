import { guardedProcedure, router } from '~/server/trpc/init'
import { searchEntries as entries } from './search.entries'
import { SearchService } from './search.service'

export const searchRouter = router({
  everything: guardedProcedure(entries.everything).query(({ input, ctx }) =>
    ctx.services.resolve(SearchService).everything(input, { full: ctx.granted.has('user:view-profile') }),
  ),
  groups: guardedProcedure(entries.groups).query(({ input, ctx }) =>
    ctx.services.resolve(SearchService).groups(input),
  ),
  people: guardedProcedure(entries.people).query(({ input, ctx }) =>
    ctx.services.resolve(SearchService).peopleOnly(input, { full: ctx.granted.has('user:view-profile') }),
  ),
})
