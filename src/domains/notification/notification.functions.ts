// Server functions of notifications: guard (./notification.entries.ts) + one service call each.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { notificationEntries as entries } from './notification.entries'
import { NotificationService } from './notification.service'

export const listNotifications = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.list)])
  .handler(({ data, context }) => context.services.resolve(NotificationService).list(data))

export const countUnreadNotifications = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.unreadCount)])
  .handler(({ data, context }) => context.services.resolve(NotificationService).unreadCount(data))

export const markNotificationRead = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.markRead)])
  .handler(({ data, context }) => context.services.resolve(NotificationService).markRead(data))

export const markAllNotificationsRead = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.markAllRead)])
  .handler(({ data, context }) => context.services.resolve(NotificationService).markAllRead(data))
