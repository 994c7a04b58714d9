// Registration at first login: the user names themselves, so the guard is `user:edit` on that user.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { RegistrationService } from './registration.service'
import { userEntries as entries } from './user.entries'

export const registerUser = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.register)])
  .handler(({ data, context }) => context.services.resolve(RegistrationService).register(data.userId, data))
