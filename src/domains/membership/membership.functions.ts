import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { membershipEntries as entries } from './membership.entries'
import { MembershipService } from './membership.service'

export const getActiveMembers = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.activeMembers)])
  .handler(({ data, context }) => context.services.resolve(MembershipService).activeMembers(data.groupId))

/** A user's groups with posts and dates, for their profile page. */
export const getUserMemberships = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.ofUser)])
  .handler(({ data, context }) => context.services.resolve(MembershipService).ofUser(data.userId))
