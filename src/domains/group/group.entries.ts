// What each group entry point requires (src/server/auth/entry-point.ts).
import { entryPoints, NoInput, requires } from '~/server/auth/entry-point'
import { groupTarget } from '~/server/auth/scopes'
import { GroupIdInput, GroupListInput } from './group.schema'

export const groupEntries = entryPoints('group', {
  list: requires('group:view', GroupListInput),
  tree: requires('group:view', NoInput),
  get: requires('group:view', GroupIdInput, (i) => groupTarget(i.groupId)),
})
