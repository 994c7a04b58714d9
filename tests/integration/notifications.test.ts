// A user's notifications: paged newest first, the unread count, marking one or all read, and
// nobody's notification found through another user.
import { afterAll, describe, expect, it } from 'vitest'
import { NotificationService } from '~/domains/notification/notification.service'
import { PRISMA, type TokenTypes } from '~/server/di/tokens'
import { NotFoundError, ValidationError } from '~/server/errors'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)
const notifications = () => t.app.resolve(NotificationService)
/** The realm-guarded client the services use: `send` writes in its transactions. */
const guarded = () => t.app.resolve<TokenTypes[typeof PRISMA]>(PRISMA)

async function sendMany(userId: number, count: number) {
  for (let i = 0; i < count; i++)
    await guarded().$transaction((tx) =>
      notifications().send(tx, [userId], {
        kind: 'MEMBERSHIP_ACCEPTED',
        params: { groupId: i, groupName: `Kör ${i}` },
        link: `/groups/${i}`,
      }),
    )
}

describe('NotificationService', () => {
  it('sends one notification per recipient inside the caller’s transaction', async () => {
    const [a, b] = [await createUser(t.db, 'hub'), await createUser(t.db, 'hub')]
    await guarded()
      .$transaction(async (tx) => {
        await notifications().send(tx, [a.id, b.id, a.id], {
          kind: 'APPLICATION_RECEIVED',
          params: { groupId: 1 },
          link: null,
        })
        throw new Error('rolled back')
      })
      .catch(() => undefined)
    expect(await notifications().unreadCount({ userId: a.id })).toBe(0)
    await guarded().$transaction((tx) =>
      notifications().send(tx, [a.id, b.id, a.id], {
        kind: 'APPLICATION_RECEIVED',
        params: {},
        link: null,
      }),
    )
    expect(await notifications().unreadCount({ userId: a.id })).toBe(1)
    expect(await notifications().unreadCount({ userId: b.id })).toBe(1)
  })

  it('pages newest first with a cursor and counts the unread ones', async () => {
    const user = await createUser(t.db, 'hub')
    await sendMany(user.id, 5)
    const first = await notifications().list({ userId: user.id, limit: 2 })
    expect(first.items.map((n) => n.params.groupId)).toEqual([4, 3])
    expect(first.unread).toBe(5)
    expect(first.items[0]).toMatchObject({ kind: 'MEMBERSHIP_ACCEPTED', link: '/groups/4', readAt: null })
    const second = await notifications().list({ userId: user.id, limit: 2, cursor: first.nextCursor ?? 0 })
    expect(second.items.map((n) => n.params.groupId)).toEqual([2, 1])
    const last = await notifications().list({ userId: user.id, limit: 2, cursor: second.nextCursor ?? 0 })
    expect(last.items.map((n) => n.params.groupId)).toEqual([0])
    expect(last.nextCursor).toBeNull()
    await expect(notifications().list({ userId: user.id, limit: 1000 })).rejects.toBeInstanceOf(
      ValidationError,
    )
  })

  it('marks one read (keeping the first reading’s time), then all, and never another user’s', async () => {
    const user = await createUser(t.db, 'hub')
    const other = await createUser(t.db, 'hub')
    await sendMany(user.id, 3)
    await sendMany(other.id, 1)
    const [newest] = (await notifications().list({ userId: user.id })).items
    if (!newest) throw new Error('nothing sent')
    const read = await notifications().markRead({ userId: user.id, notificationId: newest.id })
    expect(read.readAt).toBeInstanceOf(Date)
    expect((await notifications().markRead({ userId: user.id, notificationId: newest.id })).readAt).toEqual(
      read.readAt,
    )
    expect(await notifications().unreadCount({ userId: user.id })).toBe(2)
    await expect(
      notifications().markRead({ userId: other.id, notificationId: newest.id }),
    ).rejects.toBeInstanceOf(NotFoundError)
    expect(await notifications().markAllRead({ userId: user.id })).toEqual({ updated: 2 })
    expect(await notifications().unreadCount({ userId: user.id })).toBe(0)
    expect(await notifications().unreadCount({ userId: other.id })).toBe(1)
  })
})
