import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { CurrentUserService } from './current-user.service'

/**
 * Who is logged in, or null for an anonymous visitor; the layout shows it on every page. Whether
 * to offer the policy admin in the nav is asked in the same decision (it never grants the access).
 */
export const getCurrentUser = createServerFn({ method: 'GET' })
  .middleware([authGuard('session:view', { reveal: ['policy:admin'] })])
  .handler(({ context }) =>
    context.services.resolve(CurrentUserService).get({ policyAdmin: context.granted.has('policy:admin') }),
  )
