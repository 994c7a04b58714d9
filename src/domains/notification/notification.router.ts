// tRPC over the notification service: the same entry points as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { notificationEntries as entries } from './notification.entries'
import { NotificationService } from './notification.service'

export const notificationRouter = router({
  list: guardedProcedure(entries.list).query(({ input, ctx }) =>
    ctx.services.resolve(NotificationService).list(input),
  ),
  unreadCount: guardedProcedure(entries.unreadCount).query(({ input, ctx }) =>
    ctx.services.resolve(NotificationService).unreadCount(input),
  ),
  markRead: guardedProcedure(entries.markRead).mutation(({ input, ctx }) =>
    ctx.services.resolve(NotificationService).markRead(input),
  ),
  markAllRead: guardedProcedure(entries.markAllRead).mutation(({ input, ctx }) =>
    ctx.services.resolve(NotificationService).markAllRead(input),
  ),
})
