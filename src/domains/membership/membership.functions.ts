import { createServerFn } from '@tanstack/react-start'
import { GroupIdInput } from '~/domains/group/group.schema'
import { authGuardOn } from '~/server/auth/guard'
import { groupTarget } from '~/server/auth/scopes'
import { MembershipService } from './membership.service'

export const getActiveMembers = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('group:view-members', GroupIdInput, (i) => groupTarget(i.groupId))])
  .handler(({ data, context }) => context.services.resolve(MembershipService).activeMembers(data.groupId))
