// Server functions of the group directory: guard + one service call each.
import { createServerFn } from '@tanstack/react-start'
import { authGuard, authGuardOn } from '~/server/auth/guard'
import { groupTarget } from '~/server/auth/scopes'
import { GroupIdInput, GroupListInput } from './group.schema'
import { GroupService } from './group.service'

export const listGroups = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('group:view', GroupListInput, () => ({ type: 'any' }))])
  .handler(({ data, context }) => context.services.resolve(GroupService).list(data))

export const getGroupTree = createServerFn({ method: 'GET' })
  .middleware([authGuard('group:view')])
  .handler(({ context }) => context.services.resolve(GroupService).tree())

export const getGroup = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('group:view', GroupIdInput, (i) => groupTarget(i.groupId))])
  .handler(({ data, context }) => context.services.resolve(GroupService).get(data.groupId))
