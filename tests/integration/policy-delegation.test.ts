// Delegation and post-derived rights, through the tRPC procedures and the guard's decision:
// a "can issue" holder manages only what lies below their policy; posts, group moves and
// assignments change the very next decision with no explicit version bump (database triggers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '~/server/auth/actor'
import { groupTarget, type Scope, SOME_GROUP, type Target } from '~/server/auth/scopes'
import { POLICY_RESOLVER, type TokenTypes } from '~/server/di/tokens'
import { createGroup, createMembership, createUser, givePost } from '../factories/records'
import { createTestApp } from '../support/app'
import { policyIdByName, ROOT_POLICY } from '../support/policies'
import { asNewAdmin, callerAs, codeOf } from '../support/trpc'

const t = createTestApp()
const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
const named = (name: string) => `${name} ${suffix}`
const policies = async (userId: number) => (await callerAs(t, userId, 'policy-delegation-test')).policy
const can = (userId: number, scope: Scope, target: Target) =>
  t.app
    .resolve<TokenTypes[typeof POLICY_RESOLVER]>(POLICY_RESOLVER)
    .can({ kind: 'user', userId, sessionId: 'test' } satisfies Actor, scope, target)
const member = (groupId: number, userId: number) =>
  createMembership(t.db, 'hub', { groupId, userId, history: ['PENDING', 'NEWBIE', 'ACTIVE'] })

let admin: Awaited<ReturnType<typeof policies>>
let rootId: number
let resort: number
let circle: number
let otherResort: number
let otherCircle: number

beforeAll(async () => {
  admin = (await asNewAdmin(t, 'policy-delegation-test')).caller.policy
  rootId = await policyIdByName(t.db, ROOT_POLICY)
  resort = (await createGroup(t.db, 'hub', { name: named('Reszort'), purpose: 'RESORT' })).id
  circle = (await createGroup(t.db, 'hub', { name: named('Kör'), parentId: resort })).id
  otherResort = (await createGroup(t.db, 'hub', { name: named('Másik reszort'), purpose: 'RESORT' })).id
  otherCircle = (await createGroup(t.db, 'hub', { name: named('Másik kör'), parentId: otherResort })).id
})
afterAll(t.close)

describe('a "can issue" policy', () => {
  let issuer: number
  let delegated: number
  let mine: Awaited<ReturnType<typeof policies>>

  beforeAll(async () => {
    issuer = (await createUser(t.db, 'hub')).id
    const policy = await admin.create({ name: named('Reszort-delegált'), parentId: rootId, canIssue: true })
    delegated = policy.id
    await admin.addStatement({
      policyId: delegated,
      scope: 'group:member-admin',
      target: { kind: 'GROUP', groupId: resort, withDescendants: true },
    })
    await admin.assign({ policyId: delegated, userId: issuer })
    mine = await policies(issuer)
  })

  it('lets its holder create a child, fill it within the parent and assign it', async () => {
    const child = await mine.create({ name: named('Kör-admin'), parentId: delegated })
    await mine.addStatement({
      policyId: child.id,
      scope: 'group:member-admin',
      target: { kind: 'GROUP', groupId: circle },
    })
    // The delegation rule still holds for issuers: nothing the parent does not hold.
    expect(
      await codeOf(
        mine.addStatement({
          policyId: child.id,
          scope: 'group:member-admin',
          target: { kind: 'GROUP', groupId: otherCircle },
        }),
      ),
    ).toBe('CONFLICT')
    const helper = (await createUser(t.db, 'hub')).id
    expect(await can(helper, 'group:member-admin', groupTarget(circle))).toBe(false)
    await mine.assign({ policyId: child.id, userId: helper })
    expect(await can(helper, 'group:member-admin', groupTarget(circle))).toBe(true)
    await mine.revoke({ policyId: child.id, userId: helper })
    expect(await can(helper, 'group:member-admin', groupTarget(circle))).toBe(false)
    await mine.delete({ policyId: child.id })
  })

  it('does not let its holder touch the policy itself, its ancestors or anything beside it', async () => {
    const stranger = (await createUser(t.db, 'hub')).id
    expect(await codeOf(mine.assign({ policyId: delegated, userId: stranger }))).toBe('FORBIDDEN')
    expect(await codeOf(mine.rename({ policyId: delegated, name: named('Átnevezve') }))).toBe('FORBIDDEN')
    expect(
      await codeOf(
        mine.addStatement({ policyId: delegated, scope: 'policy:admin', target: { kind: 'ANY' } }),
      ),
    ).toBe('FORBIDDEN')
    expect(await codeOf(mine.create({ name: named('Gyökér alatt'), parentId: rootId }))).toBe('FORBIDDEN')
    const beside = (await admin.create({ name: named('Mellette'), parentId: rootId })).id
    expect(await codeOf(mine.assign({ policyId: beside, userId: stranger }))).toBe('FORBIDDEN')
    expect(await codeOf(mine.get({ policyId: beside }))).toBe('FORBIDDEN')
    expect(await codeOf(mine.list({}))).toBe('FORBIDDEN')
    expect(await codeOf(mine.move({ policyId: beside, parentId: delegated }))).toBe('FORBIDDEN')
  })

  it('is explained as the "can issue" flag of the held policy', async () => {
    const explained = await admin.explain({
      userId: issuer,
      scope: 'policy:issue',
      target: { type: 'new-policy', parentId: delegated },
    })
    expect(explained.allowed).toBe(true)
    expect(explained.chain?.grant.statement).toBeNull()
    expect(explained.chain?.grant.source).toMatchObject({ kind: 'assignment', policy: { id: delegated } })
    const who = await admin.whoCan({
      scope: 'policy:issue',
      target: { type: 'new-policy', parentId: delegated },
    })
    expect(who.users.map((u) => u.user.id)).toContain(issuer)
  })

  it('stops working on the next call once revoked', async () => {
    const other = (await createUser(t.db, 'hub')).id
    await admin.assign({ policyId: delegated, userId: other })
    const theirs = await policies(other)
    const child = await theirs.create({ name: named('Ideiglenes'), parentId: delegated })
    await admin.revoke({ policyId: delegated, userId: other })
    expect(await codeOf(theirs.rename({ policyId: child.id, name: named('Késő') }))).toBe('FORBIDDEN')
  })
})

describe('built-in policies', () => {
  it('keep their names and cannot be deleted', async () => {
    const leaderPolicy = await t.db.policy.findUniqueOrThrow({
      where: { realmId_name: { realmId: 'hub', name: 'Körvezető' } },
    })
    expect(await codeOf(admin.rename({ policyId: leaderPolicy.id, name: named('Más név') }))).toBe('CONFLICT')
    await admin.rename({
      policyId: leaderPolicy.id,
      name: 'Körvezető',
      description: leaderPolicy.description,
    })
    expect((await admin.previewDelete({ policyId: leaderPolicy.id })).protected).toBe('built-in')
    expect(await codeOf(admin.delete({ policyId: leaderPolicy.id }))).toBe('CONFLICT')
  })
})

describe('post-derived rights follow every write at once', () => {
  it('a resort leader judges the circles of their resort only', async () => {
    const leader = (await createUser(t.db, 'hub')).id
    const post = await givePost(t.db, 'hub', {
      membershipId: (await member(resort, leader)).id,
      kind: 'RESORT_LEADER',
    })
    for (const scope of [
      'evaluation:view',
      'evaluation:judge',
      'evaluation:edit-pending',
      'entry:review',
    ] as const) {
      expect(await can(leader, scope, groupTarget(circle)), scope).toBe(true)
      expect(await can(leader, scope, groupTarget(otherCircle)), scope).toBe(false)
    }
    // Accepting is the RVT leader's alone.
    expect(await can(leader, 'evaluation:accept', groupTarget(circle))).toBe(false)
    // The nav offers the reviewers' list to whoever judges some group, not only the RVT leader.
    expect(await can(leader, 'evaluation:judge', SOME_GROUP)).toBe(true)
    expect(await can((await createUser(t.db, 'hub')).id, 'evaluation:judge', SOME_GROUP)).toBe(false)
    await t.db.post.delete({ where: { id_realmId: { id: post.id, realmId: 'hub' } } })
    expect(await can(leader, 'evaluation:judge', groupTarget(circle))).toBe(false)
  })

  it("a leader manages their own group, not a sibling, and a moved group leaves the resort's reach", async () => {
    const leader = (await createUser(t.db, 'hub')).id
    const resortLeader = (await createUser(t.db, 'hub')).id
    const moving = (await createGroup(t.db, 'hub', { name: named('Vándor'), parentId: resort })).id
    await givePost(t.db, 'hub', { membershipId: (await member(moving, leader)).id, kind: 'LEADER' })
    await givePost(t.db, 'hub', {
      membershipId: (await member(resort, resortLeader)).id,
      kind: 'RESORT_LEADER',
    })
    expect(await can(leader, 'group:member-admin', groupTarget(moving))).toBe(true)
    expect(await can(leader, 'group:member-admin', groupTarget(circle))).toBe(false)
    expect(await can(resortLeader, 'evaluation:view', groupTarget(moving))).toBe(true)
    await t.db.group.update({
      where: { id_realmId: { id: moving, realmId: 'hub' } },
      data: { parentId: otherResort },
    })
    expect(await can(resortLeader, 'evaluation:view', groupTarget(moving))).toBe(false)
  })
})
