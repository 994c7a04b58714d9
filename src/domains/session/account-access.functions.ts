// Server functions of account administration: `user:admin` on the named user, then one service call.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { accountAccessEntries as entries } from './account-access.entries'
import { AccountAccessService } from './account-access.service'

export const disableUser = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.disable)])
  .handler(({ data, context }) => context.services.resolve(AccountAccessService).disable(data.userId))

export const enableUser = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.enable)])
  .handler(({ data, context }) => context.services.resolve(AccountAccessService).enable(data.userId))

export const endUserSessions = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.endSessions)])
  .handler(({ data, context }) => context.services.resolve(AccountAccessService).endSessions(data.userId))
