// Who may read accepted results (docs/decisions/0016-entry-review-history-exports.md). A user's points,
// entry cards and community points per semester: `user:view-profile` on that user — the owner (the
// baseline's SELF statement) and holders of the full-profile permission, like the hidden profile
// fields (ADR 0008). A group's history: `group:view-history` on the group.
import { entryPoints, requires } from '~/server/auth/entry-point'
import { groupTarget, userTarget } from '~/server/auth/scopes'
import { GroupHistoryInput, UserHistoryInput } from './history.schema'

export const historyEntries = entryPoints('history', {
  ofUser: requires('user:view-profile', UserHistoryInput, (i) => userTarget(i.userId)),
  ofGroup: requires('group:view-history', GroupHistoryInput, (i) => groupTarget(i.groupId)),
})
