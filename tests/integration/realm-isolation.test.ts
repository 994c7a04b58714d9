// Rule 2 of docs/ARCHITECTURE.md, proven on the real database: a second realm holds rows with the
// same ids as the hub's, and no service method reads, counts, changes or deletes any of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GroupService } from '~/domains/group/group.service'
import { MembershipService } from '~/domains/membership/membership.service'
import { SessionService } from '~/domains/session/session.service'
import { CurrentUserService } from '~/domains/user/current-user.service'
import { UserService } from '~/domains/user/user.service'
import type { Actor } from '~/server/auth/actor'
import { withRealmGuard } from '~/server/db/client'
import { RealmGuardError } from '~/server/db/realm-guard'
import { requestContainer } from '~/server/di/request-scope'
import { NotFoundError } from '~/server/errors'
import {
  createGroup,
  createMembership,
  createUser,
  ensureRealm,
  ensureSharedPostTypes,
  givePost,
} from '../factories/records'
import { createTestApp } from '../support/app'
import { idBlock } from '../support/ids'

const { app, db, close } = createTestApp()
const id = idBlock()
const OTHER = 'isolation-other'
const ids = {
  group: id(0),
  child: id(1),
  otherOnlyGroup: id(2),
  user: id(3),
  otherOnlyUser: id(4),
  membership: id(5),
}
const otherSessionId = crypto.randomUUID()

/** Every row of the other realm, in a stable order: the "byte-for-byte unchanged" witness. */
async function otherRealmSnapshot() {
  const where = { realmId: OTHER }
  return JSON.stringify([
    await db.user.findMany({ where, orderBy: { id: 'asc' } }),
    await db.profile.findMany({ where, orderBy: { userId: 'asc' } }),
    await db.session.findMany({ where, orderBy: { id: 'asc' } }),
    await db.group.findMany({ where, orderBy: { id: 'asc' } }),
    await db.membership.findMany({ where, orderBy: { id: 'asc' } }),
    await db.membershipEvent.findMany({ where, orderBy: { id: 'asc' } }),
    await db.postType.findMany({ where, orderBy: { id: 'asc' } }),
    await db.post.findMany({ where, orderBy: { id: 'asc' } }),
  ])
}

async function fillRealm(realmId: string, label: string) {
  await ensureRealm(db, realmId)
  await ensureSharedPostTypes(db, realmId)
  await createUser(db, realmId, { id: ids.user, subject: `isolation-${ids.user}`, familyName: label })
  await createGroup(db, realmId, { id: ids.group, name: `${label} csoport ${ids.group}` })
  await createGroup(db, realmId, {
    id: ids.child,
    name: `${label} alcsoport ${ids.child}`,
    parentId: ids.group,
  })
  const m = await createMembership(db, realmId, {
    id: ids.membership,
    groupId: ids.group,
    userId: ids.user,
    history: ['PENDING', 'NEWBIE', 'ACTIVE'],
  })
  await givePost(db, realmId, { membershipId: m.id, kind: 'LEADER' })
}

let before: string

beforeAll(async () => {
  await fillRealm('hub', 'HUB')
  await fillRealm(OTHER, 'OTHER')
  // Rows only the other realm has: a child under the shared group id, a user, a live session.
  await createGroup(db, OTHER, {
    id: ids.otherOnlyGroup,
    name: `OTHER titkos ${ids.otherOnlyGroup}`,
    parentId: ids.group,
  })
  await createUser(db, OTHER, { id: ids.otherOnlyUser, subject: `isolation-only-${ids.otherOnlyUser}` })
  await db.session.create({
    data: {
      id: otherSessionId,
      realmId: OTHER,
      userId: ids.user,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  })
  before = await otherRealmSnapshot()
})

afterAll(close)

const scoped = (actor: Actor = { kind: 'anonymous' }) => requestContainer(app, actor, 'isolation-test')

describe('realm isolation of every service method', () => {
  it('GroupService.list never lists or counts another realm’s groups', async () => {
    for (const status of ['active', 'all'] as const) {
      const groups = await scoped().resolve(GroupService).list({ status, filter: '' })
      expect(groups.filter((g) => g.name.startsWith('OTHER'))).toEqual([])
      const filtered = await scoped()
        .resolve(GroupService)
        .list({ status, filter: String(ids.group) })
      expect(filtered.map((g) => g.name)).toEqual([`HUB csoport ${ids.group}`])
    }
  })

  it('GroupService.tree and get stay in the hub, children included', async () => {
    const tree = JSON.stringify(await scoped().resolve(GroupService).tree())
    expect(tree).not.toContain('OTHER')
    const group = await scoped().resolve(GroupService).get(ids.group)
    expect(group.name).toBe(`HUB csoport ${ids.group}`)
    expect(group.children.map((c) => c.id)).toEqual([ids.child])
    await expect(scoped().resolve(GroupService).get(ids.otherOnlyGroup)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('MembershipService.activeMembers returns the hub member only', async () => {
    const members = await scoped().resolve(MembershipService).activeMembers(ids.group)
    expect(members.map((m) => m.displayName)).toEqual([expect.stringMatching(/^HUB /)])
    await expect(
      scoped().resolve(MembershipService).activeMembers(ids.otherOnlyGroup),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('UserService.recordLogin with another realm’s subject creates a hub user and leaves theirs alone', async () => {
    const user = await app.resolve(UserService).recordLogin({
      subject: `isolation-only-${ids.otherOnlyUser}`,
      displayName: 'Hub Login',
      email: null,
      neptun: null,
    })
    expect(user.id).not.toBe(ids.otherOnlyUser)
  })

  it('SessionService never validates or revokes another realm’s session', async () => {
    const sessions = app.resolve(SessionService)
    expect((await sessions.resume(otherSessionId, ids.user, 1800)).live).toBe(false)
    await sessions.revoke(otherSessionId)
  })

  it('CurrentUserService does not resolve a user id that exists only in another realm', async () => {
    const actor: Actor = { kind: 'user', userId: ids.otherOnlyUser, sessionId: otherSessionId }
    expect(
      await scoped(actor).resolve(CurrentUserService).get({
        policyAdmin: false,
        issuer: false,
        createGroups: false,
        semesterAdmin: false,
        reviewer: false,
      }),
    ).toBeNull()
  })

  it('leaves every row of the other realm unchanged', async () => {
    expect(await otherRealmSnapshot()).toBe(before)
  })
})

describe('realm guard on the Prisma client', () => {
  const hub = withRealmGuard(db, 'hub')

  it('fails loudly on a query that does not name the realm', async () => {
    await expect(hub.group.findMany({})).rejects.toBeInstanceOf(RealmGuardError)
    await expect(hub.group.findFirst({ where: { id: ids.group } })).rejects.toBeInstanceOf(RealmGuardError)
    await expect(hub.group.count()).rejects.toBeInstanceOf(RealmGuardError)
    await expect(hub.membership.deleteMany({ where: { groupId: ids.group } })).rejects.toBeInstanceOf(
      RealmGuardError,
    )
  })

  it('refuses to reach into another realm even when asked explicitly', async () => {
    await expect(hub.group.findMany({ where: { realmId: OTHER } })).rejects.toBeInstanceOf(RealmGuardError)
    await expect(
      hub.group.update({ where: { id_realmId: { id: ids.group, realmId: OTHER } }, data: { name: 'pwned' } }),
    ).rejects.toBeInstanceOf(RealmGuardError)
    await expect(hub.group.create({ data: { realmId: OTHER, name: 'pwned' } })).rejects.toBeInstanceOf(
      RealmGuardError,
    )
    expect(await otherRealmSnapshot()).toBe(before)
  })
})
