// What each membership entry point requires (src/server/auth/entry-point.ts).
import { GroupIdInput } from '~/domains/group/group.schema'
import { UserIdInput } from '~/domains/user/profile.schema'
import { entryPoints, requires } from '~/server/auth/entry-point'
import { groupTarget, userTarget } from '~/server/auth/scopes'

export const membershipEntries = entryPoints('membership', {
  activeMembers: requires('group:view-members', GroupIdInput, (i) => groupTarget(i.groupId)),
  ofUser: requires('user:view-basic', UserIdInput, (i) => userTarget(i.userId)),
})
