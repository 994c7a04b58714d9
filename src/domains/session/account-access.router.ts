import { guardedProcedure, router } from '~/server/trpc/init'
import { accountAccessEntries as entries } from './account-access.entries'
import { AccountAccessService } from './account-access.service'

export const accountAccessRouter = router({
  disable: guardedProcedure(entries.disable).mutation(({ input, ctx }) =>
    ctx.services.resolve(AccountAccessService).disable(input.userId),
  ),
  enable: guardedProcedure(entries.enable).mutation(({ input, ctx }) =>
    ctx.services.resolve(AccountAccessService).enable(input.userId),
  ),
  endSessions: guardedProcedure(entries.endSessions).mutation(({ input, ctx }) =>
    ctx.services.resolve(AccountAccessService).endSessions(input.userId),
  ),
})
