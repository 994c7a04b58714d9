// Round trips per entry point (issue 8): the read entry points `pnpm bench` drives, each called
// through its tRPC procedure (the guard included) on a small and on a large case — more members,
// memberships, matches, evaluations, table rows — must send the same number of statements. A count
// that grows with the rows returned is a query per row (N+1). The hub's policy version is bumped by
// every test file that writes posts or groups, which reloads the policy model inside whichever call
// comes next: each call is made three times and the fewest statements count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchTextOf } from '~/domains/user/search-text'
import { createRegisteredUser } from '../factories/people'
import { createGroup, createMember, createMembership, createUser, givePost } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantPolicy } from '../support/policies'
import { statementsOf } from '../support/query-counter'
import { callerAs } from '../support/trpc'

const t = createTestApp()
afterAll(t.close)

type Api = Awaited<ReturnType<typeof callerAs>>
const serving = ['PENDING', 'NEWBIE', 'ACTIVE'] as const
const SMALL = 2
const LARGE = 30

/** The fewest statements one call sends in three tries, and what it answered. */
async function cost<T>(call: () => Promise<T>): Promise<{ statements: number; result: T }> {
  let fewest = Number.POSITIVE_INFINITY
  let result: T | undefined
  for (let i = 0; i < 3; i++) {
    const statements = await statementsOf(async () => {
      result = await call()
    })
    fewest = Math.min(fewest, statements.length)
  }
  // The counter must see the app's client, or every count would be an equal zero.
  expect(fewest).toBeGreaterThan(0)
  return { statements: fewest, result: result as T }
}

interface Sized {
  groupId: number
  leaderId: number
  leaderMembershipId: number
  membershipIds: number[]
}

/** A group whose leader and `size - 1` other members serve it now. */
async function groupOf(size: number, familyName?: string): Promise<Sized> {
  const { id: groupId } = await createGroup(t.db, 'hub')
  const leader = await createMember(t.db, 'hub', { groupId, history: [...serving], posts: ['LEADER'] })
  const membershipIds = [leader.membership.id]
  for (let i = 1; i < size; i++)
    membershipIds.push(
      (await createMember(t.db, 'hub', { groupId, history: [...serving], familyName })).membership.id,
    )
  return { groupId, leaderId: leader.user.id, leaderMembershipId: leader.membership.id, membershipIds }
}

/** A registered user (a profile page) serving `count` groups, the leader of the first. */
async function userIn(count: number): Promise<number> {
  const userId = (await createRegisteredUser(t.db, 'hub')).id
  for (let i = 0; i < count; i++) {
    const { id: groupId } = await createGroup(t.db, 'hub')
    const membership = await createMembership(t.db, 'hub', { groupId, userId, history: [...serving] })
    if (i === 0) await givePost(t.db, 'hub', { membershipId: membership.id, kind: 'LEADER' })
  }
  return userId
}

/** A point table: principles of the group's current evaluation and a value in every cell. */
async function fillTable(api: Api, group: Sized, principles: number) {
  const { id: evaluationId } = await api.evaluation.get({ groupId: group.groupId })
  for (let position = 0; position < principles; position++) {
    const { id: principleId } = await t.db.principle.create({
      data: {
        realmId: 'hub',
        evaluationId,
        name: `Elv ${position}`,
        category: 'WORK',
        maxPoints: 10,
        position,
      },
    })
    await t.db.pointCell.createMany({
      data: group.membershipIds.map((membershipId) => ({
        realmId: 'hub',
        evaluationId,
        principleId,
        membershipId,
        value: 3,
      })),
    })
  }
}

/** People the search finds by `word`, each with the search text the profile service would store. */
async function people(word: string, count: number) {
  for (let i = 0; i < count; i++) {
    const screenName = `${word}${i}`
    const fields = { displayName: `${word} Anna`, screenName, email: null, firstName: 'Anna', lastName: word }
    await t.db.user.create({
      data: {
        realmId: 'hub',
        subject: `query-count-${word}-${i}`,
        displayName: fields.displayName,
        screenName,
        screenNameKey: screenName,
        profile: {
          create: {
            firstName: 'Anna',
            lastName: word,
            ...searchTextOf({ ...fields, nickname: null, room: null, emailPublic: false, roomPublic: true }),
          },
        },
      },
    })
  }
}

const word = () => `zqcount${Math.random().toString(36).slice(2, 9)}`

let student: Api
let council: Api
let small: Sized
let large: Sized
let smallLeader: Api
let largeLeader: Api

beforeAll(async () => {
  small = await groupOf(SMALL)
  large = await groupOf(LARGE)
  const councilId = (await createUser(t.db, 'hub')).id
  await grantPolicy(t.db, councilId, 'RVT-elnök')
  student = await callerAs(t, (await createUser(t.db, 'hub')).id, 'query-counts-test')
  council = await callerAs(t, councilId, 'query-counts-test')
  smallLeader = await callerAs(t, small.leaderId, 'query-counts-test')
  largeLeader = await callerAs(t, large.leaderId, 'query-counts-test')
}, 120_000)

describe('the statements of a read entry point do not grow with the rows it returns', () => {
  it("the group page and its members' tab", async () => {
    const [groupSmall, groupLarge] = [
      await cost(() => student.group.get({ groupId: small.groupId })),
      await cost(() => student.group.get({ groupId: large.groupId })),
    ]
    expect(groupLarge.statements).toBe(groupSmall.statements)
    const rosterSmall = await cost(() => student.membership.roster({ groupId: small.groupId, tab: 'active' }))
    const rosterLarge = await cost(() => student.membership.roster({ groupId: large.groupId, tab: 'active' }))
    expect(rosterLarge.result.members).toHaveLength(LARGE)
    expect(rosterSmall.result.members).toHaveLength(SMALL)
    expect(rosterLarge.statements).toBe(rosterSmall.statements)
  })

  it('a profile and its groups', async () => {
    const few = await userIn(1)
    const many = await userIn(12)
    const profileSmall = await cost(() => student.user.profile({ userId: few }))
    const profileLarge = await cost(() => student.user.profile({ userId: many }))
    expect(profileLarge.statements).toBe(profileSmall.statements)
    const groupsSmall = await cost(() => student.membership.ofUser({ userId: few }))
    const groupsLarge = await cost(() => student.membership.ofUser({ userId: many }))
    expect([groupsSmall.result.length, groupsLarge.result.length]).toEqual([1, 12])
    expect(groupsLarge.statements).toBe(groupsSmall.statements)
  })

  it('the group directory', async () => {
    const before = await cost(() => student.group.list({ status: 'all', filter: '' }))
    for (let i = 0; i < 25; i++) await createGroup(t.db, 'hub')
    const after = await cost(() => student.group.list({ status: 'all', filter: '' }))
    expect(after.result.length).toBeGreaterThanOrEqual(before.result.length + 25)
    expect(after.statements).toBe(before.statements)
  })

  it('a search', async () => {
    const [rare, common] = [word(), word()]
    await people(rare, 1)
    await people(common, 25)
    const few = await cost(() => student.search.everything({ q: rare }))
    const many = await cost(() => student.search.everything({ q: common }))
    expect([few.result.people?.total, many.result.people?.total]).toEqual([1, 25])
    expect(many.statements).toBe(few.statements)
  })

  it("a group's point table", async () => {
    await fillTable(smallLeader, small, 1)
    await fillTable(largeLeader, large, 4)
    const tableSmall = await cost(() => smallLeader.evaluation.get({ groupId: small.groupId }))
    const tableLarge = await cost(() => largeLeader.evaluation.get({ groupId: large.groupId }))
    expect(tableLarge.result.rows).toHaveLength(LARGE)
    expect(tableLarge.result.principles).toHaveLength(4)
    expect(tableLarge.statements).toBe(tableSmall.statements)
  })

  it("the reviewers' list", async () => {
    const before = await cost(() => council.evaluation.list({}))
    for (let i = 0; i < 20; i++) {
      const group = await groupOf(1)
      await (await callerAs(t, group.leaderId, 'query-counts-test')).evaluation.get({
        groupId: group.groupId,
      })
    }
    const after = await cost(() => council.evaluation.list({}))
    expect(after.result.length).toBeGreaterThanOrEqual(before.result.length + 20)
    expect(after.statements).toBe(before.statements)
  })
})
