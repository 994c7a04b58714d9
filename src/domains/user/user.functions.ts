import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { CurrentUserService } from './current-user.service'

/** Who is logged in, or null for an anonymous visitor; the layout shows it on every page. */
export const getCurrentUser = createServerFn({ method: 'GET' })
  .middleware([authGuard('session:view')])
  .handler(({ context }) => context.services.resolve(CurrentUserService).get())
