import { inject, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import { UserIdInput } from '~/domains/user/profile.schema'
import type { RealmClient } from '~/server/db/client'
import { CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import {
  NotificationIdInput,
  NotificationListInput,
  type NotificationMessage,
  NotificationPage,
  NotificationView,
} from './notification.schema'

const VIEW_SELECT = { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true } as const

/**
 * Users' notifications. `send` writes inside the caller's transaction, so a notification exists
 * exactly when the change it reports was committed. Reading and marking take the user whose
 * notifications they are (the guard decides who may ask).
 */
@injectable()
export class NotificationService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Sends `message` to each recipient once. */
  async send(tx: Tx, recipients: Iterable<number>, message: NotificationMessage): Promise<void> {
    const userIds = [...new Set(recipients)]
    if (userIds.length === 0) return
    await tx.notification.createMany({
      data: userIds.map((userId) => ({ realmId: this.realmId, userId, ...message })),
    })
  }

  /** A page of the user's notifications, newest first, with the unread count. */
  async list(input: NotificationListInput): Promise<NotificationPage> {
    const { userId, cursor, limit } = parseInput(NotificationListInput, input)
    const [rows, unread] = await Promise.all([
      this.db.notification.findMany({
        where: { realmId: this.realmId, userId, ...(cursor ? { id: { lt: cursor } } : {}) },
        select: VIEW_SELECT,
        orderBy: { id: 'desc' },
        take: limit + 1,
      }),
      this.countUnread(userId),
    ])
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    return NotificationPage.parse({
      items,
      nextCursor: rows.length > limit && last ? last.id : null,
      unread,
    })
  }

  async unreadCount(input: UserIdInput): Promise<number> {
    return this.countUnread(parseInput(UserIdInput, input).userId)
  }

  /** Marks one of the user's notifications read (again: keeps the first reading's time). */
  async markRead(input: NotificationIdInput): Promise<NotificationView> {
    const { userId, notificationId } = parseInput(NotificationIdInput, input)
    const where = { realmId: this.realmId, userId, id: notificationId }
    await this.db.notification.updateMany({
      where: { ...where, readAt: null },
      data: { readAt: this.clock.now() },
    })
    const row = await this.db.notification.findFirst({ where, select: VIEW_SELECT })
    if (!row) throw new NotFoundError('Notification', notificationId)
    return NotificationView.parse(row)
  }

  /** Marks every unread notification of the user read; answers how many there were. */
  async markAllRead(input: UserIdInput): Promise<{ updated: number }> {
    const { userId } = parseInput(UserIdInput, input)
    const { count } = await this.db.notification.updateMany({
      where: { realmId: this.realmId, userId, readAt: null },
      data: { readAt: this.clock.now() },
    })
    return { updated: count }
  }

  private countUnread(userId: number): Promise<number> {
    return this.db.notification.count({ where: { realmId: this.realmId, userId, readAt: null } })
  }
}
