// Post types (shared and a group's own) and posts: giving and taking through the members × post
// types grid, one financial officer per group (service and database), and handing over leadership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  FinancialOfficerTakenError,
  LeadershipByHandOverError,
  MemberPostService,
} from '~/domains/membership/member-post.service'
import { PostTypeLockedError, PostTypeService } from '~/domains/membership/post-type.service'
import { MembershipStateError } from '~/domains/membership/status'
import { isUniqueViolation } from '~/server/db/unique-violation'
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '~/server/errors'
import { createGroup, createMember } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)
const types = () => t.app.resolve(PostTypeService)
const posts = () => t.app.resolve(MemberPostService)

const SERVING = ['PENDING', 'NEWBIE', 'ACTIVE'] as const
let shared: Map<string, number>

beforeAll(async () => {
  const rows = await t.db.postType.findMany({ where: { realmId: 'hub', groupId: null } })
  shared = new Map(rows.map((r) => [r.kind, r.id]))
})
const sharedId = (kind: string) => shared.get(kind) ?? 0

const kindsOf = async (membershipId: number) =>
  (
    await t.db.post.findMany({
      where: { realmId: 'hub', membershipId },
      select: { postType: { select: { kind: true } } },
    })
  )
    .map((p) => p.postType.kind)
    .sort()

describe('post types', () => {
  it('lists the shared types then the group’s own; creates, renames and deletes its own', async () => {
    const group = await createGroup(t.db, 'hub')
    const created = await types().create({ groupId: group.id, name: '  Webmester  ' })
    expect(created).toMatchObject({ name: 'Webmester', kind: 'CUSTOM', shared: false, holders: 0 })
    const list = await types().list({ groupId: group.id })
    expect(
      list
        .filter((p) => p.shared)
        .map((p) => p.id)
        .sort(),
    ).toEqual([...shared.values()].sort())
    expect(list.at(-1)).toEqual(created)
    expect(
      (await types().rename({ groupId: group.id, postTypeId: created.id, name: 'Rendszergazda' })).name,
    ).toBe('Rendszergazda')
    await types().delete({ groupId: group.id, postTypeId: created.id })
    expect((await types().list({ groupId: group.id })).some((p) => p.id === created.id)).toBe(false)
  })

  it('keeps names at most 30 characters and unique within the group, shared names included', async () => {
    const group = await createGroup(t.db, 'hub')
    const tooLong = await types()
      .create({ groupId: group.id, name: 'x'.repeat(31) })
      .catch((e: unknown) => e)
    expect(tooLong).toBeInstanceOf(ValidationError)
    expect((tooLong as ValidationError).fields).toEqual({ name: ['tooLong'] })
    await types().create({ groupId: group.id, name: 'x'.repeat(30) })
    await types().create({ groupId: group.id, name: 'Szakács' })
    for (const name of ['szakács', 'KÖRVEZETŐ']) {
      const taken = await types()
        .create({ groupId: group.id, name })
        .catch((e: unknown) => e)
      expect(taken).toBeInstanceOf(ConflictError)
      expect((taken as ConflictError).fields).toEqual({ name: ['nameTaken'] })
    }
    // Another group may have its own "Szakács".
    const other = await createGroup(t.db, 'hub')
    expect((await types().create({ groupId: other.id, name: 'Szakács' })).name).toBe('Szakács')
  })

  it('refuses to delete a shared type, one in use, or another group’s', async () => {
    const group = await createGroup(t.db, 'hub')
    const reason = async (call: Promise<unknown>) => {
      const error = await call.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PostTypeLockedError)
      expect(error).toBeInstanceOf(InvalidStateError)
      return (error as PostTypeLockedError).reason
    }
    expect(await reason(types().delete({ groupId: group.id, postTypeId: sharedId('DEPUTY') }))).toBe('shared')
    const own = await types().create({ groupId: group.id, name: 'Fotós' })
    const { membership } = await createMember(t.db, 'hub', { groupId: group.id, history: [...SERVING] })
    await posts().give({ groupId: group.id, membershipId: membership.id, postTypeId: own.id })
    expect((await types().list({ groupId: group.id })).find((p) => p.id === own.id)?.holders).toBe(1)
    expect(await reason(types().delete({ groupId: group.id, postTypeId: own.id }))).toBe('in-use')
    const other = await createGroup(t.db, 'hub')
    await expect(types().delete({ groupId: other.id, postTypeId: own.id })).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })
})

describe('giving and taking posts', () => {
  it('sets single cells of the grid and reads it back for the serving members only', async () => {
    const group = await createGroup(t.db, 'hub')
    const own = await types().create({ groupId: group.id, name: 'Hangosító' })
    const a = await createMember(t.db, 'hub', {
      groupId: group.id,
      history: [...SERVING],
      familyName: 'Aladár',
    })
    const b = await createMember(t.db, 'hub', {
      groupId: group.id,
      history: ['PENDING', 'NEWBIE'],
      familyName: 'Béla',
    })
    await createMember(t.db, 'hub', { groupId: group.id, history: ['PENDING'] })
    await createMember(t.db, 'hub', { groupId: group.id, history: [...SERVING, 'FORMER'] })
    const cell = { groupId: group.id, membershipId: a.membership.id }
    expect(await posts().setCell({ ...cell, postTypeId: own.id, held: true })).toEqual({
      membershipId: a.membership.id,
      postTypeIds: [own.id],
    })
    // Setting a cell as it is changes nothing.
    await posts().setCell({ ...cell, postTypeId: own.id, held: true })
    await posts().give({ ...cell, postTypeId: sharedId('EVALUATION_HELPER') })
    await posts().give({ groupId: group.id, membershipId: b.membership.id, postTypeId: sharedId('DEPUTY') })
    await posts().take({ ...cell, postTypeId: own.id })
    const grid = await posts().grid({ groupId: group.id })
    expect(grid.postTypes.map((p) => p.id)).toContain(own.id)
    expect(grid.members).toEqual([
      {
        membershipId: a.membership.id,
        userId: a.user.id,
        displayName: a.user.displayName,
        status: 'ACTIVE',
        postTypeIds: [sharedId('EVALUATION_HELPER')],
      },
      {
        membershipId: b.membership.id,
        userId: b.user.id,
        displayName: b.user.displayName,
        status: 'NEWBIE',
        postTypeIds: [sharedId('DEPUTY')],
      },
    ])
  })

  it('gives posts only to newbie and active members, and only the group’s own or shared types', async () => {
    const group = await createGroup(t.db, 'hub')
    for (const history of [
      ['PENDING'],
      [...SERVING, 'FORMER'],
      [...SERVING, 'FORMER', 'ARCHIVED'],
    ] as const) {
      const { membership } = await createMember(t.db, 'hub', { groupId: group.id, history: [...history] })
      const refused = await posts()
        .give({ groupId: group.id, membershipId: membership.id, postTypeId: sharedId('DEPUTY') })
        .catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(MembershipStateError)
      expect((refused as MembershipStateError).current).toBe(history.at(-1))
    }
    const other = await createGroup(t.db, 'hub')
    const foreign = await types().create({ groupId: other.id, name: 'Idegen' })
    const { membership } = await createMember(t.db, 'hub', { groupId: group.id, history: [...SERVING] })
    await expect(
      posts().give({ groupId: group.id, membershipId: membership.id, postTypeId: foreign.id }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      posts().give({ groupId: other.id, membershipId: membership.id, postTypeId: sharedId('DEPUTY') }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('never gives or takes the leader post through the grid', async () => {
    const group = await createGroup(t.db, 'hub')
    const { membership } = await createMember(t.db, 'hub', {
      groupId: group.id,
      history: [...SERVING],
      posts: ['LEADER'],
    })
    const cell = { groupId: group.id, membershipId: membership.id, postTypeId: sharedId('LEADER') }
    await expect(posts().take(cell)).rejects.toBeInstanceOf(LeadershipByHandOverError)
    await expect(posts().give(cell)).rejects.toBeInstanceOf(LeadershipByHandOverError)
  })
})

describe('the financial officer', () => {
  it('is one per group: a second is refused with a typed conflict, until the first one’s post is taken', async () => {
    const group = await createGroup(t.db, 'hub')
    const [a, b] = await Promise.all(
      [0, 1].map(() => createMember(t.db, 'hub', { groupId: group.id, history: [...SERVING] })),
    )
    if (!a || !b) throw new Error('members not created')
    const officer = (m: typeof a) => ({
      groupId: group.id,
      membershipId: m.membership.id,
      postTypeId: sharedId('FINANCIAL_OFFICER'),
    })
    await posts().give(officer(a))
    await expect(posts().give(officer(b))).rejects.toBeInstanceOf(FinancialOfficerTakenError)
    // Giving it again to the holder changes nothing.
    await posts().give(officer(a))
    await posts().take(officer(a))
    await posts().give(officer(b))
    expect(await kindsOf(b.membership.id)).toEqual(['FINANCIAL_OFFICER'])
  })

  it('is one per group in the database too, whoever writes', async () => {
    const group = await createGroup(t.db, 'hub')
    const a = await createMember(t.db, 'hub', {
      groupId: group.id,
      history: [...SERVING],
      posts: ['FINANCIAL_OFFICER'],
    })
    const b = await createMember(t.db, 'hub', { groupId: group.id, history: [...SERVING] })
    const error = await t.db.post
      .create({
        data: { realmId: 'hub', membershipId: b.membership.id, postTypeId: sharedId('FINANCIAL_OFFICER') },
      })
      .catch((e: unknown) => e)
    expect(isUniqueViolation(error)).toBe(true)
    expect(await kindsOf(a.membership.id)).toEqual(['FINANCIAL_OFFICER'])
    expect(await kindsOf(b.membership.id)).toEqual([])
  })

  it('is one per group when two writers give it at once', async () => {
    const group = await createGroup(t.db, 'hub')
    const members = await Promise.all(
      [0, 1].map(() => createMember(t.db, 'hub', { groupId: group.id, history: [...SERVING] })),
    )
    const results = await Promise.allSettled(
      members.map((m) =>
        t.db.post.create({
          data: { realmId: 'hub', membershipId: m.membership.id, postTypeId: sharedId('FINANCIAL_OFFICER') },
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const holders = await t.db.post.count({
      where: { realmId: 'hub', postType: { kind: 'FINANCIAL_OFFICER' }, membership: { groupId: group.id } },
    })
    expect(holders).toBe(1)
  })
})

describe('handing over leadership', () => {
  it('gives the new leader the leader post and moves the old one to former leader, in one go', async () => {
    const group = await createGroup(t.db, 'hub')
    const old = await createMember(t.db, 'hub', {
      groupId: group.id,
      history: [...SERVING],
      posts: ['LEADER'],
    })
    const heir = await createMember(t.db, 'hub', {
      groupId: group.id,
      history: [...SERVING],
      posts: ['DEPUTY'],
    })
    expect(await posts().handOverLeadership({ groupId: group.id, membershipId: heir.membership.id })).toEqual(
      {
        leader: heir.membership.id,
        formerLeaders: [old.membership.id],
      },
    )
    expect(await kindsOf(old.membership.id)).toEqual(['FORMER_LEADER'])
    expect(await kindsOf(heir.membership.id)).toEqual(['DEPUTY', 'LEADER'])
    // And back: the first leader leads again and keeps "former leader".
    await posts().handOverLeadership({ groupId: group.id, membershipId: old.membership.id })
    expect(await kindsOf(old.membership.id)).toEqual(['FORMER_LEADER', 'LEADER'])
    expect(await kindsOf(heir.membership.id)).toEqual(['DEPUTY', 'FORMER_LEADER'])
  })

  it('makes the first leader of a group without one', async () => {
    const group = await createGroup(t.db, 'hub')
    const heir = await createMember(t.db, 'hub', { groupId: group.id, history: ['PENDING', 'NEWBIE'] })
    expect(await posts().handOverLeadership({ groupId: group.id, membershipId: heir.membership.id })).toEqual(
      {
        leader: heir.membership.id,
        formerLeaders: [],
      },
    )
  })

  it('is refused to the leader, to a member who does not serve, and changes nothing then', async () => {
    const group = await createGroup(t.db, 'hub')
    const leader = await createMember(t.db, 'hub', {
      groupId: group.id,
      history: [...SERVING],
      posts: ['LEADER'],
    })
    const former = await createMember(t.db, 'hub', { groupId: group.id, history: [...SERVING, 'FORMER'] })
    await expect(
      posts().handOverLeadership({ groupId: group.id, membershipId: leader.membership.id }),
    ).rejects.toBeInstanceOf(InvalidStateError)
    await expect(
      posts().handOverLeadership({ groupId: group.id, membershipId: former.membership.id }),
    ).rejects.toBeInstanceOf(MembershipStateError)
    expect(await kindsOf(leader.membership.id)).toEqual(['LEADER'])
  })
})
