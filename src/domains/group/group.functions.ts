// Server functions of the group directory: guard + one service call each.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { groupEntries as entries } from './group.entries'
import { GroupService } from './group.service'

export const listGroups = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.list)])
  .handler(({ data, context }) => context.services.resolve(GroupService).list(data))

export const getGroupTree = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.tree)])
  .handler(({ context }) => context.services.resolve(GroupService).tree())

export const getGroup = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.get)])
  .handler(({ data, context }) => context.services.resolve(GroupService).get(data.groupId))
