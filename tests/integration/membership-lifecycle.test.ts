// The membership lifecycle: every state change of PRODUCT.md with its preconditions, one dated
// event with its actor per change, the status derived from the history, and the notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MembershipLifecycleService } from '~/domains/membership/membership-lifecycle.service'
import { MembershipPointsService } from '~/domains/membership/membership-points.service'
import { MembershipStateError } from '~/domains/membership/status'
import { type Actor, ANONYMOUS } from '~/server/auth/actor'
import { requestContainer } from '~/server/di/request-scope'
import { InvalidStateError, NotFoundError, UnauthenticatedError } from '~/server/errors'
import { createGroup, createMember, createUser } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)

const actor = (userId: number): Actor => ({ kind: 'user', userId, sessionId: 'test' })
const as = (userId: number) =>
  requestContainer(t.app, actor(userId), 'lifecycle-test').resolve(MembershipLifecycleService)

let groupId: number
let leaderId: number
let deputyId: number
let plainMemberId: number
let admin: MembershipLifecycleService

beforeAll(async () => {
  groupId = (await createGroup(t.db, 'hub')).id
  leaderId = (
    await createMember(t.db, 'hub', { groupId, history: ['PENDING', 'NEWBIE', 'ACTIVE'], posts: ['LEADER'] })
  ).user.id
  deputyId = (
    await createMember(t.db, 'hub', { groupId, history: ['PENDING', 'NEWBIE', 'ACTIVE'], posts: ['DEPUTY'] })
  ).user.id
  plainMemberId = (await createMember(t.db, 'hub', { groupId, history: ['PENDING', 'NEWBIE', 'ACTIVE'] }))
    .user.id
  admin = as(leaderId)
})

const notificationsOf = (userId: number) =>
  t.db.notification.findMany({ where: { realmId: 'hub', userId }, orderBy: { id: 'asc' } })

async function stateError(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(MembershipStateError)
  return (error as MembershipStateError).current
}

const history = (membershipId: number) => admin.history({ groupId, membershipId })

describe('applying', () => {
  it('makes the caller PENDING and tells the group’s member admins, nobody else', async () => {
    const applicant = await createUser(t.db, 'hub', { familyName: 'Jelentkező' })
    const before = await Promise.all([leaderId, deputyId, plainMemberId].map(notificationsOf))
    const state = await as(applicant.id).apply({ groupId })
    expect(state).toMatchObject({ groupId, userId: applicant.id, status: 'PENDING' })
    expect(await history(state.membershipId)).toEqual([
      { status: 'PENDING', at: state.since, actor: { id: applicant.id, name: applicant.displayName } },
    ])
    const after = await Promise.all([leaderId, deputyId, plainMemberId].map(notificationsOf))
    const added = after.map((list, i) => list.slice(before[i]?.length))
    expect(added[2]).toEqual([])
    for (const list of added.slice(0, 2))
      expect(list).toMatchObject([
        {
          kind: 'APPLICATION_RECEIVED',
          link: `/groups/${groupId}`,
          readAt: null,
          params: {
            groupId,
            membershipId: state.membershipId,
            userId: applicant.id,
            userName: applicant.displayName,
          },
        },
      ])
    expect(await notificationsOf(applicant.id)).toEqual([])
  })

  it('is refused while the user is an applicant or a member, with the current status', async () => {
    const histories = [
      ['PENDING'],
      ['PENDING', 'NEWBIE'],
      ['PENDING', 'ACTIVE'],
      ['PENDING', 'ACTIVE', 'FORMER'],
    ] as const
    for (const path of histories) {
      const { user } = await createMember(t.db, 'hub', { groupId, history: [...path] })
      expect(await stateError(as(user.id).apply({ groupId }))).toBe(path.at(-1))
    }
  })

  it('is refused when the group does not accept applications or is archived', async () => {
    const user = await createUser(t.db, 'hub')
    const closed = await t.db.group.create({
      data: { realmId: 'hub', name: `Zárt ${Date.now()}`, acceptsApplications: false },
    })
    await expect(as(user.id).apply({ groupId: closed.id })).rejects.toBeInstanceOf(InvalidStateError)
    const archived = await createGroup(t.db, 'hub', { archived: true })
    await expect(as(user.id).apply({ groupId: archived.id })).rejects.toBeInstanceOf(InvalidStateError)
    await expect(as(user.id).apply({ groupId: 2_000_000_000 })).rejects.toBeInstanceOf(NotFoundError)
    expect(await t.db.membership.count({ where: { realmId: 'hub', userId: user.id } })).toBe(0)
  })

  it('makes an archived member PENDING again on the same membership, keeping the history', async () => {
    const { user, membership } = await createMember(t.db, 'hub', {
      groupId,
      history: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER', 'ARCHIVED'],
    })
    const state = await as(user.id).apply({ groupId })
    expect(state).toMatchObject({ membershipId: membership.id, status: 'PENDING' })
    expect((await history(membership.id)).map((e) => e.status)).toEqual([
      'PENDING',
      'NEWBIE',
      'ACTIVE',
      'FORMER',
      'ARCHIVED',
      'PENDING',
    ])
  })

  it('needs a logged-in caller', async () => {
    const anonymous = requestContainer(t.app, ANONYMOUS, 'anonymous').resolve(MembershipLifecycleService)
    await expect(anonymous.apply({ groupId })).rejects.toBeInstanceOf(UnauthenticatedError)
  })
})

describe('withdrawing and rejecting', () => {
  it('closes a pending application; the user may apply again', async () => {
    const user = await createUser(t.db, 'hub')
    const applied = await as(user.id).apply({ groupId })
    expect((await as(user.id).withdraw({ groupId })).status).toBe('WITHDRAWN')
    expect(await stateError(as(user.id).withdraw({ groupId }))).toBe('WITHDRAWN')
    await as(user.id).apply({ groupId })
    expect((await admin.reject({ groupId, membershipId: applied.membershipId })).status).toBe('REJECTED')
    expect((await history(applied.membershipId)).map((e) => [e.status, e.actor?.id])).toEqual([
      ['PENDING', user.id],
      ['WITHDRAWN', user.id],
      ['PENDING', user.id],
      ['REJECTED', leaderId],
    ])
  })

  it('are refused unless the membership is PENDING', async () => {
    const { user, membership } = await createMember(t.db, 'hub', { groupId, history: ['PENDING', 'NEWBIE'] })
    expect(await stateError(as(user.id).withdraw({ groupId }))).toBe('NEWBIE')
    expect(await stateError(admin.reject({ groupId, membershipId: membership.id }))).toBe('NEWBIE')
    const stranger = await createUser(t.db, 'hub')
    expect(await stateError(as(stranger.id).withdraw({ groupId }))).toBeNull()
  })

  it('are refused while the applicant has points in the group (the evaluation check, issue 6)', async () => {
    const { user, membership } = await createMember(t.db, 'hub', { groupId, history: ['PENDING'] })
    const withPoints = (userId: number) => {
      const scope = requestContainer(t.app, actor(userId), 'points-test')
      scope.register(MembershipPointsService, {
        useValue: { hasPoints: async () => true } as unknown as MembershipPointsService,
      })
      return scope.resolve(MembershipLifecycleService)
    }
    await expect(withPoints(user.id).withdraw({ groupId })).rejects.toBeInstanceOf(InvalidStateError)
    await expect(
      withPoints(leaderId).reject({ groupId, membershipId: membership.id }),
    ).rejects.toBeInstanceOf(InvalidStateError)
    expect((await history(membership.id)).map((e) => e.status)).toEqual(['PENDING'])
  })
})

describe('a member admin moving a member between states', () => {
  it('walks accept → promote → former → reactivate → former → archive → unarchive, notifying the member', async () => {
    const { user, membership } = await createMember(t.db, 'hub', { groupId, history: ['PENDING'] })
    const ref = { groupId, membershipId: membership.id }
    expect((await admin.accept(ref)).status).toBe('NEWBIE')
    expect((await as(deputyId).promote(ref)).status).toBe('ACTIVE')
    expect((await admin.makeFormer(ref)).status).toBe('FORMER')
    expect((await admin.reactivate(ref)).status).toBe('ACTIVE')
    expect((await admin.makeFormer(ref)).status).toBe('FORMER')
    expect((await admin.archive(ref)).status).toBe('ARCHIVED')
    expect((await admin.unarchive(ref)).status).toBe('FORMER')
    const events = await history(membership.id)
    expect(events.map((e) => e.status)).toEqual([
      'PENDING',
      'NEWBIE',
      'ACTIVE',
      'FORMER',
      'ACTIVE',
      'FORMER',
      'ARCHIVED',
      'FORMER',
    ])
    expect(events.slice(1).map((e) => e.actor?.id)).toEqual([leaderId, deputyId, ...Array(5).fill(leaderId)])
    for (let i = 1; i < events.length; i++)
      expect(events[i]?.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]?.at.getTime() ?? 0)
    expect((await notificationsOf(user.id)).map((n) => n.kind)).toEqual([
      'MEMBERSHIP_ACCEPTED',
      'MEMBERSHIP_FORMER',
      'MEMBERSHIP_FORMER',
      'MEMBERSHIP_ARCHIVED',
    ])
    expect((await notificationsOf(user.id))[0]?.params).toMatchObject({
      groupId,
      membershipId: membership.id,
    })
  })

  it('refuses a change the current status does not allow, with that status', async () => {
    const { membership } = await createMember(t.db, 'hub', {
      groupId,
      history: ['PENDING', 'NEWBIE', 'ACTIVE'],
    })
    const ref = { groupId, membershipId: membership.id }
    expect(await stateError(admin.accept(ref))).toBe('ACTIVE')
    expect(await stateError(admin.promote(ref))).toBe('ACTIVE')
    expect(await stateError(admin.archive(ref))).toBe('ACTIVE')
    expect(await stateError(admin.unarchive(ref))).toBe('ACTIVE')
    expect(await stateError(admin.reactivate(ref))).toBe('ACTIVE')
  })

  it('takes a former member’s posts but “former leader”, and refuses to make the leader former', async () => {
    const { membership } = await createMember(t.db, 'hub', {
      groupId,
      history: ['PENDING', 'NEWBIE', 'ACTIVE'],
      posts: ['EVALUATION_HELPER', 'FORMER_LEADER'],
    })
    await admin.makeFormer({ groupId, membershipId: membership.id })
    const kinds = await t.db.post.findMany({
      where: { realmId: 'hub', membershipId: membership.id },
      select: { postType: { select: { kind: true } } },
    })
    expect(kinds.map((p) => p.postType.kind)).toEqual(['FORMER_LEADER'])
    const leader = await t.db.membership.findUniqueOrThrow({
      where: { realmId_groupId_userId: { realmId: 'hub', groupId, userId: leaderId } },
    })
    await expect(admin.makeFormer({ groupId, membershipId: leader.id })).rejects.toBeInstanceOf(
      InvalidStateError,
    )
  })

  it('does not find a membership of another group through this one', async () => {
    const other = await createGroup(t.db, 'hub')
    const { membership } = await createMember(t.db, 'hub', { groupId: other.id, history: ['PENDING'] })
    await expect(admin.accept({ groupId, membershipId: membership.id })).rejects.toBeInstanceOf(NotFoundError)
    expect((await as(leaderId).history({ groupId: other.id, membershipId: membership.id })).length).toBe(1)
  })
})

describe('a leader adding a member directly', () => {
  it('makes the user ACTIVE, again after an archived membership, never over a current one', async () => {
    const user = await createUser(t.db, 'hub')
    expect(await admin.addMember({ groupId, userId: user.id })).toMatchObject({
      userId: user.id,
      status: 'ACTIVE',
    })
    expect(await stateError(admin.addMember({ groupId, userId: user.id }))).toBe('ACTIVE')
    const { user: archived } = await createMember(t.db, 'hub', {
      groupId,
      history: ['PENDING', 'NEWBIE', 'FORMER', 'ARCHIVED'],
    })
    expect((await admin.addMember({ groupId, userId: archived.id })).status).toBe('ACTIVE')
    await expect(admin.addMember({ groupId, userId: 2_000_000_000 })).rejects.toBeInstanceOf(NotFoundError)
  })
})
