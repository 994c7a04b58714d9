import { UserIdInput } from '~/domains/user/profile.schema'
import { userTarget } from '~/server/auth/scopes'
import { guardedProcedure, router } from '~/server/trpc/init'
import { AccountAccessService } from './account-access.service'

const adminOf = () => guardedProcedure('user:admin', UserIdInput, (i) => userTarget(i.userId))

export const accountAccessRouter = router({
  disable: adminOf().mutation(({ input, ctx }) =>
    ctx.services.resolve(AccountAccessService).disable(input.userId),
  ),
  enable: adminOf().mutation(({ input, ctx }) =>
    ctx.services.resolve(AccountAccessService).enable(input.userId),
  ),
  endSessions: adminOf().mutation(({ input, ctx }) =>
    ctx.services.resolve(AccountAccessService).endSessions(input.userId),
  ),
})
