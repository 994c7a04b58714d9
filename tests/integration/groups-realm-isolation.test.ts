// Rule 2 of docs/ARCHITECTURE.md for the issue 5 services: a second realm holds groups, members,
// post types and notifications with the same ids as the hub's, and no group, membership, post or
// notification method reads or changes any of them (the raw row locks name the realm themselves).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GroupManagementService } from '~/domains/group/group-management.service'
import { MemberPostService } from '~/domains/membership/member-post.service'
import { MembershipLifecycleService } from '~/domains/membership/membership-lifecycle.service'
import { PostTypeService } from '~/domains/membership/post-type.service'
import { NotificationService } from '~/domains/notification/notification.service'
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

const t = createTestApp()
afterAll(t.close)
const id = idBlock()
const OTHER = 'isolation-issue5'
const ids = {
  group: id(0),
  child: id(1),
  user: id(2),
  leader: id(3),
  membership: id(4),
  leaderMembership: id(5),
  postType: id(6),
  notification: id(7),
  otherOnlyGroup: id(8),
  otherOnlyNotification: id(9),
}

async function fillRealm(realmId: string, label: string) {
  const db = t.db
  await ensureRealm(db, realmId)
  await ensureSharedPostTypes(db, realmId)
  await createUser(db, realmId, { id: ids.user, subject: `iso5-${ids.user}`, familyName: label })
  await createUser(db, realmId, {
    id: ids.leader,
    subject: `iso5-${ids.leader}`,
    familyName: `${label} vezető`,
  })
  await createGroup(db, realmId, { id: ids.group, name: `${label} kör ${ids.group}` })
  await createGroup(db, realmId, { id: ids.child, name: `${label} alkör ${ids.child}`, parentId: ids.group })
  await createMembership(db, realmId, {
    id: ids.membership,
    groupId: ids.group,
    userId: ids.user,
    history: ['PENDING'],
  })
  const leader = await createMembership(db, realmId, {
    id: ids.leaderMembership,
    groupId: ids.group,
    userId: ids.leader,
    history: ['PENDING', 'NEWBIE', 'ACTIVE'],
  })
  await givePost(db, realmId, { membershipId: leader.id, kind: 'LEADER' })
  await db.postType.create({
    data: { id: ids.postType, realmId, groupId: ids.group, name: `${label} saját` },
  })
  await db.notification.create({
    data: { id: ids.notification, realmId, userId: ids.user, kind: 'MEMBERSHIP_ACCEPTED', params: { label } },
  })
}

async function otherRealmSnapshot() {
  const where = { realmId: OTHER }
  const db = t.db
  return JSON.stringify([
    await db.group.findMany({ where, orderBy: { id: 'asc' } }),
    await db.membership.findMany({ where, orderBy: { id: 'asc' } }),
    await db.membershipEvent.findMany({ where, orderBy: { id: 'asc' } }),
    await db.postType.findMany({ where, orderBy: { id: 'asc' } }),
    await db.post.findMany({ where, orderBy: { id: 'asc' } }),
    await db.notification.findMany({ where, orderBy: { id: 'asc' } }),
  ])
}

let before: string

beforeAll(async () => {
  await fillRealm('hub', 'HUB')
  await fillRealm(OTHER, 'OTHER')
  await createGroup(t.db, OTHER, { id: ids.otherOnlyGroup, name: `OTHER titkos ${ids.otherOnlyGroup}` })
  await t.db.notification.create({
    data: { id: ids.otherOnlyNotification, realmId: OTHER, userId: ids.user, kind: 'MEMBERSHIP_FORMER' },
  })
  before = await otherRealmSnapshot()
})

describe('issue 5 services in the hub realm', () => {
  it('change only hub rows and find none of the other realm’s', async () => {
    const scope = requestContainer(t.app, { kind: 'user', userId: ids.leader, sessionId: 'iso' }, 'iso5')
    const groups = scope.resolve(GroupManagementService)
    const lifecycle = scope.resolve(MembershipLifecycleService)
    const posts = scope.resolve(MemberPostService)
    const types = scope.resolve(PostTypeService)
    const notifications = scope.resolve(NotificationService)
    const ref = { groupId: ids.group, membershipId: ids.membership }

    const hubGroup = await t.db.group.findUniqueOrThrow({
      where: { id_realmId: { id: ids.group, realmId: 'hub' } },
    })
    await groups.update({
      groupId: ids.group,
      version: hubGroup.version,
      name: hubGroup.name,
      shortDescription: 'átírva',
      purpose: 'CIRCLE',
      foundedYear: 2000,
      webpage: null,
      mailingList: null,
      acceptsApplications: true,
      showArchivedMembers: true,
    })
    await groups.move({ groupId: ids.child, parentId: null })
    await groups.archive({ groupId: ids.child })
    await groups.unarchive({ groupId: ids.child })
    await groups.move({ groupId: ids.child, parentId: ids.group })
    await lifecycle.accept(ref)
    await lifecycle.promote(ref)
    await types.rename({ groupId: ids.group, postTypeId: ids.postType, name: 'HUB átnevezett' })
    await posts.give({ ...ref, postTypeId: ids.postType })
    expect((await posts.grid({ groupId: ids.group })).members.map((m) => m.membershipId).sort()).toEqual(
      [ids.membership, ids.leaderMembership].sort(),
    )
    await posts.handOverLeadership(ref)
    await lifecycle.makeFormer({ groupId: ids.group, membershipId: ids.leaderMembership })
    expect((await lifecycle.history(ref)).map((e) => e.status)).toEqual(['PENDING', 'NEWBIE', 'ACTIVE'])
    expect((await notifications.list({ userId: ids.user })).items.map((n) => n.params)).toContainEqual({
      label: 'HUB',
    })
    await notifications.markRead({ userId: ids.user, notificationId: ids.notification })
    await notifications.markAllRead({ userId: ids.user })
    expect(await notifications.unreadCount({ userId: ids.user })).toBe(0)

    await expect(groups.archive({ groupId: ids.otherOnlyGroup })).rejects.toBeInstanceOf(NotFoundError)
    await expect(types.list({ groupId: ids.otherOnlyGroup })).rejects.toBeInstanceOf(NotFoundError)
    await expect(posts.grid({ groupId: ids.otherOnlyGroup })).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      notifications.markRead({ userId: ids.user, notificationId: ids.otherOnlyNotification }),
    ).rejects.toBeInstanceOf(NotFoundError)
    expect(await otherRealmSnapshot()).toBe(before)
  })
})
