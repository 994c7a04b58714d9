import { ANY_TARGET } from '~/server/auth/scopes'
import { guardedProcedure, router } from '~/server/trpc/init'
import { SearchInput } from './search.schema'
import { SearchService } from './search.service'

export const searchRouter = router({
  everything: guardedProcedure('user:view-basic', SearchInput, () => ANY_TARGET, {
    reveal: ['user:view-profile'],
  }).query(({ input, ctx }) =>
    ctx.services.resolve(SearchService).everything(input, { full: ctx.granted.has('user:view-profile') }),
  ),
  groups: guardedProcedure('group:view', SearchInput, () => ANY_TARGET).query(({ input, ctx }) =>
    ctx.services.resolve(SearchService).groups(input),
  ),
})
