// A user's notifications are theirs alone: `user:notifications` on the user the input names
// (src/server/auth/entry-point.ts).
import { UserIdInput } from '~/domains/user/profile.schema'
import { entryPoints, requires } from '~/server/auth/entry-point'
import { userTarget } from '~/server/auth/scopes'
import { NotificationIdInput, NotificationListInput } from './notification.schema'

const owner = (i: { userId: number }) => userTarget(i.userId)

export const notificationEntries = entryPoints('notification', {
  list: requires('user:notifications', NotificationListInput, owner),
  unreadCount: requires('user:notifications', UserIdInput, owner),
  markRead: requires('user:notifications', NotificationIdInput, owner),
  markAllRead: requires('user:notifications', UserIdInput, owner),
})
