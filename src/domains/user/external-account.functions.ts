// External accounts: only `user:edit` on the owner the input names may change them.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { ExternalAccountService } from './external-account.service'
import { userEntries as entries } from './user.entries'

export const addExternalAccount = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.addAccount)])
  .handler(({ data, context }) => context.services.resolve(ExternalAccountService).add(data.userId, data))

export const updateExternalAccount = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.updateAccount)])
  .handler(({ data, context }) =>
    context.services.resolve(ExternalAccountService).update(data.userId, data.accountId, data),
  )

export const removeExternalAccount = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.removeAccount)])
  .handler(({ data, context }) =>
    context.services.resolve(ExternalAccountService).remove(data.userId, data.accountId),
  )
