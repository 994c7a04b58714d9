// External accounts: only `user:edit` on the owner the input names may change them.
import { createServerFn } from '@tanstack/react-start'
import { authGuardOn } from '~/server/auth/guard'
import { userTarget } from '~/server/auth/scopes'
import {
  AddExternalAccountInput,
  RemoveExternalAccountInput,
  UpdateExternalAccountInput,
} from './external-account.schema'
import { ExternalAccountService } from './external-account.service'

export const addExternalAccount = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', AddExternalAccountInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) => context.services.resolve(ExternalAccountService).add(data.userId, data))

export const updateExternalAccount = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', UpdateExternalAccountInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) =>
    context.services.resolve(ExternalAccountService).update(data.userId, data.accountId, data),
  )

export const removeExternalAccount = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', RemoveExternalAccountInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) =>
    context.services.resolve(ExternalAccountService).remove(data.userId, data.accountId),
  )
