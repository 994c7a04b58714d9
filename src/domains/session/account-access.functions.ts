// Server functions of account administration: `user:admin` on the named user, then one service call.
import { createServerFn } from '@tanstack/react-start'
import { UserIdInput } from '~/domains/user/profile.schema'
import { authGuardOn } from '~/server/auth/guard'
import { userTarget } from '~/server/auth/scopes'
import { AccountAccessService } from './account-access.service'

const adminOfUser = authGuardOn('user:admin', UserIdInput, (i) => userTarget(i.userId))

export const disableUser = createServerFn({ method: 'POST' })
  .middleware([adminOfUser])
  .handler(({ data, context }) => context.services.resolve(AccountAccessService).disable(data.userId))

export const enableUser = createServerFn({ method: 'POST' })
  .middleware([adminOfUser])
  .handler(({ data, context }) => context.services.resolve(AccountAccessService).enable(data.userId))

export const endUserSessions = createServerFn({ method: 'POST' })
  .middleware([adminOfUser])
  .handler(({ data, context }) => context.services.resolve(AccountAccessService).endSessions(data.userId))
