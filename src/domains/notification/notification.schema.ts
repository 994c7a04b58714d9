import { z } from 'zod'
import { NotificationKind } from '~/generated/prisma/enums'
import { Id } from '~/shared/ids'

export const NotificationKindSchema = z.enum(NotificationKind)

/** What a notification's text needs: names and ids as they were when it was sent. */
export const NotificationParams = z.record(z.string(), z.union([z.string(), z.number(), z.null()]))
export type NotificationParams = z.infer<typeof NotificationParams>

/** One notification to send, to one or more users. */
export interface NotificationMessage {
  kind: NotificationKind
  params: NotificationParams
  /** An in-app path, e.g. `/groups/12`. */
  link: string | null
}

export const NOTIFICATION_PAGE_SIZE = 20

export const NotificationListInput = z.object({
  userId: Id,
  /** The page after this id (the previous page's `nextCursor`); the newest page without it. */
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(NOTIFICATION_PAGE_SIZE),
})
export type NotificationListInput = z.input<typeof NotificationListInput>

export const NotificationIdInput = z.object({ userId: Id, notificationId: Id })
export type NotificationIdInput = z.input<typeof NotificationIdInput>

export const NotificationView = z.object({
  id: z.number(),
  kind: NotificationKindSchema,
  params: NotificationParams,
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
})
export type NotificationView = z.infer<typeof NotificationView>

export const NotificationPage = z.object({
  items: z.array(NotificationView),
  /** Pass as `cursor` for the next (older) page; null on the last one. */
  nextCursor: z.number().nullable(),
  unread: z.number(),
})
export type NotificationPage = z.infer<typeof NotificationPage>
