// Registration at first login: the user names themselves, so the guard is `user:edit` on that user.
import { createServerFn } from '@tanstack/react-start'
import { authGuardOn } from '~/server/auth/guard'
import { userTarget } from '~/server/auth/scopes'
import { RegistrationInput } from './registration.schema'
import { RegistrationService } from './registration.service'

export const registerUser = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', RegistrationInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) => context.services.resolve(RegistrationService).register(data.userId, data))
