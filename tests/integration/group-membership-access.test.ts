// Who may do what with groups, memberships, posts and notifications, through the tRPC procedures
// (the same entry points and guard as the server functions): post-derived rights reach the post's
// group and never a sibling; applying is the applicant's own; notifications are their owner's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { createGroup, createMember, createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantPolicy } from '../support/policies'
import { loginToken } from '../support/sessions'
import { codeOf } from '../support/trpc'

const t = createTestApp()
afterAll(t.close)

const api = async (userId?: number) =>
  createCallerFactory(appRouter)({
    app: t.app,
    token: userId === undefined ? undefined : (await loginToken(t, userId)).token,
    requestId: 'group-membership-access-test',
  })
type Api = Awaited<ReturnType<typeof api>>

const FIELDS = {
  shortDescription: '',
  purpose: 'CIRCLE' as const,
  foundedYear: null,
  webpage: null,
  mailingList: null,
  acceptsApplications: true,
  showArchivedMembers: false,
}
const active = ['PENDING', 'NEWBIE', 'ACTIVE'] as const

let resort: number
let circle: number
let sibling: number
let leader: Api
let deputy: Api
let student: Api
let studentId: number
let anonymous: Api

beforeAll(async () => {
  resort = (await createGroup(t.db, 'hub', { purpose: 'RESORT' })).id
  circle = (await createGroup(t.db, 'hub', { parentId: resort })).id
  sibling = (await createGroup(t.db, 'hub', { parentId: resort })).id
  const leaderMember = await createMember(t.db, 'hub', {
    groupId: circle,
    history: [...active],
    posts: ['LEADER'],
  })
  const deputyMember = await createMember(t.db, 'hub', {
    groupId: circle,
    history: [...active],
    posts: ['DEPUTY'],
  })
  studentId = (await createUser(t.db, 'hub')).id
  leader = await api(leaderMember.user.id)
  deputy = await api(deputyMember.user.id)
  student = await api(studentId)
  anonymous = await api()
})

describe('the group page', () => {
  it('tells each viewer what they may do there, as the guard decided', async () => {
    const asLeader = await leader.group.get({ groupId: circle })
    expect((await student.group.get({ groupId: circle })).viewer.viewEvaluation).toBe(false)
    expect(asLeader.viewer).toMatchObject({
      viewEvaluation: true,
      memberAdmin: true,
      roleAdmin: true,
      owner: true,
      editProfile: true,
    })
    expect((await leader.group.get({ groupId: sibling })).viewer).toMatchObject({
      memberAdmin: false,
      owner: false,
    })
    expect((await deputy.group.get({ groupId: circle })).viewer).toMatchObject({
      memberAdmin: true,
      roleAdmin: false,
    })
    expect((await anonymous.group.get({ groupId: circle })).viewer).toMatchObject({
      apply: false,
      memberAdmin: false,
    })
    expect((await student.group.get({ groupId: circle })).viewer.apply).toBe(true)
  })
})

describe('applications', () => {
  it('an applicant is handled by the leader of that group only', async () => {
    const applied = await student.membership.applyToGroup({ groupId: circle })
    expect(applied.status).toBe('PENDING')
    expect((await student.membership.mine({ groupId: circle }))?.status).toBe('PENDING')
    const ref = { groupId: circle, membershipId: applied.membershipId }
    // The applicant cannot accept themselves, nor can a leader of a sibling group pretend it is theirs.
    expect(await codeOf(student.membership.accept(ref))).toBe('FORBIDDEN')
    expect(
      await codeOf(leader.membership.accept({ groupId: sibling, membershipId: applied.membershipId })),
    ).toBe('FORBIDDEN')
    expect(await codeOf(anonymous.membership.applyToGroup({ groupId: sibling }))).toBe('UNAUTHORIZED')
    // The pending tab is for member admins; others get an empty, hidden tab.
    expect((await student.membership.roster({ groupId: circle, tab: 'pending' })).hidden).toBe(true)
    const pending = await deputy.membership.roster({ groupId: circle, tab: 'pending' })
    expect(pending.members.map((m) => m.userId)).toContain(studentId)
    expect((await deputy.membership.accept(ref)).status).toBe('NEWBIE')
    expect(await codeOf(leader.membership.reject(ref))).toBe('CONFLICT')
  })

  it('a leader adds a member directly to their own group, not to a sibling', async () => {
    const newcomer = (await createUser(t.db, 'hub')).id
    expect((await leader.membership.addMember({ groupId: circle, userId: newcomer })).status).toBe('ACTIVE')
    expect(await codeOf(leader.membership.addMember({ groupId: sibling, userId: newcomer }))).toBe(
      'FORBIDDEN',
    )
  })
})

describe('posts', () => {
  it("are the role admin's (the leader), on their own group only; hand-over is the owner's", async () => {
    const { membership } = await createMember(t.db, 'hub', { groupId: circle, history: [...active] })
    const grid = await leader.membership.postGrid({ groupId: circle })
    const treasurer = grid.postTypes.find((p) => p.kind === 'FINANCIAL_OFFICER')
    if (!treasurer) throw new Error('the shared post types are missing')
    const cell = { groupId: circle, membershipId: membership.id, postTypeId: treasurer.id }
    expect(await codeOf(deputy.membership.givePost(cell))).toBe('FORBIDDEN')
    expect(await codeOf(leader.membership.postGrid({ groupId: sibling }))).toBe('FORBIDDEN')
    expect((await leader.membership.givePost(cell)).postTypeIds).toContain(treasurer.id)
    expect(await codeOf(deputy.membership.handOver({ groupId: circle, membershipId: membership.id }))).toBe(
      'FORBIDDEN',
    )
    expect(await codeOf(leader.membership.createPostType({ groupId: sibling, name: 'Idegen' }))).toBe(
      'FORBIDDEN',
    )
    expect((await leader.membership.createPostType({ groupId: circle, name: 'Szakácsmester' })).name).toBe(
      'Szakácsmester',
    )
  })
})

describe('group management', () => {
  it('top-level groups and moves are for the RVT leader; subgroups for the parent group leader', async () => {
    const rvt = (await createUser(t.db, 'hub')).id
    await grantPolicy(t.db, rvt, 'RVT-elnök')
    const council = await api(rvt)
    const input = { ...FIELDS, name: `Új kör ${Date.now()}` }
    expect(await codeOf(leader.group.createTopLevel({ ...input, parentId: null }))).toBe('FORBIDDEN')
    const top = await council.group.createTopLevel({ ...input, parentId: null })
    expect(top.parentId).toBeNull()
    const sub = await leader.group.createSubgroup({ ...input, name: `${input.name} alkör`, parentId: circle })
    expect(sub.parentId).toBe(circle)
    expect(await codeOf(leader.group.createSubgroup({ ...input, name: 'Máshová', parentId: sibling }))).toBe(
      'FORBIDDEN',
    )
    expect(await codeOf(leader.group.move({ groupId: sub.id, parentId: top.id }))).toBe('FORBIDDEN')
    expect((await council.group.move({ groupId: sub.id, parentId: top.id })).parentId).toBe(top.id)
    expect(
      await codeOf(
        leader.group.update({ ...FIELDS, name: 'Átnevezett testvér', groupId: sibling, version: 0 }),
      ),
    ).toBe('FORBIDDEN')
  })
})

describe('notifications', () => {
  it('are read and marked by their owner only', async () => {
    expect(await codeOf(anonymous.notification.unreadCount({ userId: studentId }))).toBe('UNAUTHORIZED')
    expect(await codeOf(leader.notification.list({ userId: studentId }))).toBe('FORBIDDEN')
    const mine = await student.notification.list({ userId: studentId })
    // Accepted earlier in this file: the student was told.
    expect(mine.items.map((n) => n.kind)).toContain('MEMBERSHIP_ACCEPTED')
    const first = mine.items[0]
    if (!first) throw new Error('no notification')
    expect(await codeOf(leader.notification.markRead({ userId: studentId, notificationId: first.id }))).toBe(
      'FORBIDDEN',
    )
    expect(
      (await student.notification.markRead({ userId: studentId, notificationId: first.id })).readAt,
    ).not.toBeNull()
  })
})
