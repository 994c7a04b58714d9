import { createServerFn } from '@tanstack/react-start'
import { GroupIdInput } from '~/domains/group/group.schema'
import { UserIdInput } from '~/domains/user/profile.schema'
import { authGuardOn } from '~/server/auth/guard'
import { groupTarget, userTarget } from '~/server/auth/scopes'
import { MembershipService } from './membership.service'

export const getActiveMembers = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('group:view-members', GroupIdInput, (i) => groupTarget(i.groupId))])
  .handler(({ data, context }) => context.services.resolve(MembershipService).activeMembers(data.groupId))

/** A user's groups with posts and dates, for their profile page. */
export const getUserMemberships = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('user:view-basic', UserIdInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) => context.services.resolve(MembershipService).ofUser(data.userId))
