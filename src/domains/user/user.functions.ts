import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { CurrentUserService } from './current-user.service'
import { userEntries as entries } from './user.entries'

/**
 * Who is logged in, or null for an anonymous visitor; the layout shows it on every page. Whether
 * to offer the policy admin, the issuer's page, "new group" and the semester screen and the reviewers' list is asked in the same decision (it
 * never grants the access).
 */
export const getCurrentUser = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.current)])
  .handler(({ context }) =>
    context.services.resolve(CurrentUserService).get({
      policyAdmin: context.granted.has('policy:admin'),
      issuer: context.granted.has('policy:issue'),
      createGroups: context.granted.has('group:create-toplevel'),
      semesterAdmin: context.granted.has('semester:admin'),
      reviewer: context.granted.has('evaluation:judge') || context.granted.has('evaluation:view'),
    }),
  )
