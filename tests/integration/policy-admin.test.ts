// The policy admin through its tRPC procedures (same guard, schemas and services as the server
// functions): the delegation rules on every write, audit and version bump per write, and a revoke
// that bites on the affected user's very next call.
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AddStatementInput } from '~/domains/policy/policy-admin.schema'
import { PolicyVersionService } from '~/domains/policy/policy-version.service'
import type { Actor } from '~/server/auth/actor'
import { groupTarget, type Scope, type Target } from '~/server/auth/scopes'
import { POLICY_RESOLVER, type TokenTypes } from '~/server/di/tokens'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { createGroup, createMembership, createUser, givePost } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantPolicy, PEK_ADMIN } from '../support/policies'
import { loginToken } from '../support/sessions'
import { codeOf } from '../support/trpc'

const t = createTestApp()
const api = (token?: string) =>
  createCallerFactory(appRouter)({ app: t.app, token, requestId: 'policy-admin-test' }).policy
const resolver = () => t.app.resolve<TokenTypes[typeof POLICY_RESOLVER]>(POLICY_RESOLVER)
const as = (userId: number): Actor => ({ kind: 'user', userId, sessionId: 'test' })
const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
const named = (name: string) => `${name} ${suffix}`

let adminId: number
let admin: ReturnType<typeof api>
let plainToken: string
let rootId: number
let pekAdminId: number
let resort: number
let circle: number
let sibling: number
let elsewhere: number

const policyId = async (name: string) =>
  (await t.db.policy.findUniqueOrThrow({ where: { realmId_name: { realmId: 'hub', name } } })).id

beforeAll(async () => {
  adminId = (await createUser(t.db, 'hub', { familyName: 'Admin', givenName: `Ádám ${suffix}` })).id
  await grantPolicy(t.db, adminId, PEK_ADMIN)
  admin = api((await loginToken(t, adminId)).token)
  plainToken = (await loginToken(t, (await createUser(t.db, 'hub')).id)).token
  rootId = await policyId('Szuperadmin')
  pekAdminId = await policyId(PEK_ADMIN)
  resort = (await createGroup(t.db, 'hub', { name: named('Reszort'), purpose: 'RESORT' })).id
  circle = (await createGroup(t.db, 'hub', { name: named('Kör'), parentId: resort })).id
  sibling = (await createGroup(t.db, 'hub', { name: named('Testvérkör'), parentId: resort })).id
  elsewhere = (await createGroup(t.db, 'hub', { name: named('Máshol') })).id
})
afterAll(t.close)

/** A policy under `parentId` holding `statements`, created through the admin API. */
async function policyWith(name: string, parentId: number, statements: Omit<AddStatementInput, 'policyId'>[]) {
  const policy = await admin.create({ name: named(name), parentId })
  for (const s of statements) await admin.addStatement({ policyId: policy.id, ...s })
  return policy.id
}

const errorOf = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TRPCError)
  return error as TRPCError & { cause?: { fields?: Record<string, string[]> } }
}

describe('access to the policy admin', () => {
  it('refuses every procedure to a logged-in user without policy:admin', async () => {
    const inputs: Record<string, unknown> = {
      list: {},
      get: { policyId: pekAdminId },
      create: { name: named('tiltott'), parentId: rootId },
      rename: { policyId: pekAdminId, name: named('tiltott') },
      move: { policyId: pekAdminId, parentId: rootId },
      previewDelete: { policyId: pekAdminId },
      delete: { policyId: pekAdminId },
      addStatement: { policyId: pekAdminId, scope: 'group:view', target: { kind: 'ANY' } },
      removeStatement: { policyId: 1, statementId: 1 },
      assign: { policyId: pekAdminId, userId: adminId },
      revoke: { policyId: pekAdminId, userId: adminId },
      audit: {},
      explain: { userId: adminId, scope: 'group:view', target: { type: 'any' } },
      whoCan: { scope: 'group:view', target: { type: 'any' } },
      whatCan: { userId: adminId },
    }
    // `issuable` answers every logged-in user about themselves: nothing, for one who issues nothing.
    const procedures = Object.keys(appRouter._def.record.policy).filter((name) => name !== 'issuable')
    expect(Object.keys(inputs).sort()).toEqual(procedures.sort())
    expect(await api(plainToken).issuable({})).toEqual([])
    const plain = api(plainToken) as unknown as Record<string, (input: unknown) => Promise<unknown>>
    for (const name of procedures)
      expect([name, await codeOf(plain[name]?.(inputs[name]) ?? Promise.resolve())]).toEqual([
        name,
        'FORBIDDEN',
      ])
    expect(await codeOf(api().list({}))).toBe('UNAUTHORIZED')
  })
})

describe('the policy tree', () => {
  it('creates under a parent, refuses a taken name with a field message, renames', async () => {
    const created = await admin.create({ name: named('Új'), description: 'leírás', parentId: pekAdminId })
    expect(created).toMatchObject({
      parentId: pekAdminId,
      canIssue: false,
      audience: null,
      statementCount: 0,
    })
    expect((await admin.list({})).map((p) => p.name)).toContain(named('Új'))
    const taken = await errorOf(admin.create({ name: named('Új'), parentId: rootId }))
    expect(taken.code).toBe('CONFLICT')
    expect(taken.cause?.fields).toEqual({ name: ['nameTaken'] })
    expect(await codeOf(admin.create({ name: named('Árva'), parentId: 2_000_000_000 }))).toBe('NOT_FOUND')
    expect(await codeOf(admin.rename({ policyId: created.id, name: PEK_ADMIN }))).toBe('CONFLICT')
    const renamed = await admin.rename({ policyId: created.id, name: named('Átnevezett') })
    expect(renamed.name).toBe(named('Átnevezett'))
    expect((await admin.get({ policyId: created.id })).description).toBe('leírás')
  })

  it('moves only where the new parent covers the statements, never into its own subtree', async () => {
    const parent = await policyWith('Reszortszülő', rootId, [
      { scope: 'group:edit-profile', target: { kind: 'GROUP', groupId: resort, withDescendants: true } },
    ])
    const child = await policyWith('Körgyerek', parent, [
      { scope: 'group:edit-profile', target: { kind: 'GROUP', groupId: circle } },
    ])
    const uncovered = await errorOf(admin.move({ policyId: child, parentId: pekAdminId }))
    expect(uncovered.code).toBe('CONFLICT')
    expect(uncovered.message).toContain(`group:edit-profile on group ${circle}`)
    expect(await codeOf(admin.move({ policyId: parent, parentId: child }))).toBe('CONFLICT')
    expect(await codeOf(admin.move({ policyId: parent, parentId: parent }))).toBe('CONFLICT')
    expect(await codeOf(admin.move({ policyId: rootId, parentId: pekAdminId }))).toBe('CONFLICT')
    const sibling = await policyWith('Másik szülő', rootId, [
      { scope: 'group:edit-profile', target: { kind: 'GROUP', groupId: circle } },
    ])
    expect((await admin.move({ policyId: child, parentId: sibling })).parentId).toBe(sibling)
  })

  it('previews a deletion, refuses it while children exist unless cascaded, protects root and baseline', async () => {
    const parent = await policyWith('Törlendő', rootId, [{ scope: 'group:view', target: { kind: 'ANY' } }])
    const child = await policyWith('Törlendő gyerek', parent, [
      { scope: 'group:view', target: { kind: 'ANY' } },
    ])
    await admin.assign({ policyId: child, userId: adminId })
    const preview = await admin.previewDelete({ policyId: parent })
    expect(preview).toEqual({
      policy: { id: parent, name: named('Törlendő') },
      descendants: [{ id: child, name: named('Törlendő gyerek') }],
      statementCount: 2,
      assignmentCount: 1,
      bindingCount: 0,
      protected: null,
    })
    expect(await codeOf(admin.delete({ policyId: parent }))).toBe('CONFLICT')
    expect(await admin.delete({ policyId: parent, cascade: true })).toEqual(preview)
    expect(await codeOf(admin.get({ policyId: parent }))).toBe('NOT_FOUND')
    expect(await codeOf(admin.get({ policyId: child }))).toBe('NOT_FOUND')
    expect((await admin.previewDelete({ policyId: rootId })).protected).toBe('root')
    expect(await codeOf(admin.delete({ policyId: rootId, cascade: true }))).toBe('CONFLICT')
    const everyone = await policyId('Mindenki')
    expect((await admin.previewDelete({ policyId: everyone })).protected).toBe('baseline')
    expect(await codeOf(admin.delete({ policyId: everyone }))).toBe('CONFLICT')
  })
})

describe('statements', () => {
  it('are added only when the parent covers them and their target exists', async () => {
    const parent = await policyWith('Fedő', rootId, [
      { scope: 'group:member-admin', target: { kind: 'GROUP', groupId: resort, withDescendants: true } },
    ])
    const child = (await admin.create({ name: named('Fedett'), parentId: parent })).id
    const added = await admin.addStatement({
      policyId: child,
      scope: 'group:member-admin',
      target: { kind: 'GROUP', groupId: circle },
    })
    expect(added.target).toMatchObject({ kind: 'group', groupId: circle, groupName: named('Kör') })
    const outside = { kind: 'GROUP' as const, groupId: elsewhere }
    expect(
      await codeOf(admin.addStatement({ policyId: child, scope: 'group:member-admin', target: outside })),
    ).toBe('CONFLICT')
    expect(
      await codeOf(admin.addStatement({ policyId: child, scope: 'user:admin', target: { kind: 'ANY' } })),
    ).toBe('CONFLICT')
    const missing = { kind: 'GROUP' as const, groupId: 2_000_000_000 }
    expect(await codeOf(admin.addStatement({ policyId: parent, scope: 'group:view', target: missing }))).toBe(
      'NOT_FOUND',
    )
    const badScope = admin.addStatement({
      policyId: child,
      scope: 'no:such' as Scope,
      target: { kind: 'ANY' },
    })
    expect(await codeOf(badScope)).toBe('BAD_REQUEST')
    expect((await admin.get({ policyId: child })).statements.map((s) => s.id)).toEqual([added.id])
  })

  it('refuses to remove a parent statement a child relies on, until the child lets go of it', async () => {
    const parent = await policyWith('Szülő', rootId, [{ scope: 'evaluation:view', target: { kind: 'ANY' } }])
    const child = await policyWith('Gyerek', parent, [
      { scope: 'evaluation:view', target: { kind: 'GROUP', groupId: circle } },
    ])
    const parentStatement = (await admin.get({ policyId: parent })).statements[0]
    const childStatement = (await admin.get({ policyId: child })).statements[0]
    if (!parentStatement || !childStatement) throw new Error('the fixture statements are missing')
    const refused = await errorOf(
      admin.removeStatement({ policyId: parent, statementId: parentStatement.id }),
    )
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain(named('Gyerek'))
    await admin.removeStatement({ policyId: child, statementId: childStatement.id })
    await admin.removeStatement({ policyId: parent, statementId: parentStatement.id })
    expect((await admin.get({ policyId: parent })).statements).toEqual([])
    expect(await codeOf(admin.removeStatement({ policyId: parent, statementId: parentStatement.id }))).toBe(
      'NOT_FOUND',
    )
  })

  it('disappear with the group they name: deleting a group never widens a statement', async () => {
    const doomed = (await createGroup(t.db, 'hub', { name: named('Megszűnő') })).id
    const policy = await policyWith('Megszűnő köré', rootId, [
      { scope: 'group:view-history', target: { kind: 'GROUP', groupId: doomed } },
      { scope: 'group:view', target: { kind: 'ANY' } },
    ])
    expect((await admin.get({ policyId: policy })).statements).toHaveLength(2)
    await t.db.group.delete({ where: { id_realmId: { id: doomed, realmId: 'hub' } } })
    const left = (await admin.get({ policyId: policy })).statements
    expect(left.map((s) => [s.scope, s.target.kind])).toEqual([['group:view', 'any']])
  })
})

describe('every write', () => {
  it('writes one audit row with the actor and bumps the version inside its transaction', async () => {
    const bump = vi.spyOn(PolicyVersionService.prototype, 'bump')
    const audits = () => t.db.policyAudit.count({ where: { realmId: 'hub', actorId: adminId } })
    const version = () => t.db.policyVersion.findUniqueOrThrow({ where: { realmId: 'hub' } })
    try {
      const before = { audits: await audits(), version: (await version()).version }
      const user = (await createUser(t.db, 'hub')).id
      const policy = (await admin.create({ name: named('Auditált'), parentId: rootId })).id
      await admin.rename({ policyId: policy, name: named('Auditált 2') })
      const statement = await admin.addStatement({
        policyId: policy,
        scope: 'group:view',
        target: { kind: 'ANY' },
      })
      await admin.assign({ policyId: policy, userId: user })
      await admin.revoke({ policyId: policy, userId: user })
      await admin.removeStatement({ policyId: policy, statementId: statement.id })
      await admin.delete({ policyId: policy })
      expect(await codeOf(admin.create({ name: PEK_ADMIN, parentId: rootId }))).toBe('CONFLICT')
      expect(bump).toHaveBeenCalledTimes(8)
      expect((await version()).version).toBeGreaterThanOrEqual(before.version + 7)
      expect(await audits()).toBe(before.audits + 7)
      const { entries } = await admin.audit({})
      const mine = entries.filter(
        (e) => e.actor?.id === adminId && e.entityId === policy && e.entity === 'Policy',
      )
      expect(mine.map((e) => e.action)).toEqual(['delete', 'rename', 'create'])
      expect(mine[1]).toMatchObject({
        before: { name: named('Auditált') },
        after: { name: named('Auditált 2') },
      })
      expect(mine[0]?.actor?.name).toContain('Admin')
    } finally {
      bump.mockRestore()
    }
  })
})

describe('assignments', () => {
  it("a revoke refuses the affected user's very next call", async () => {
    const carol = (await createUser(t.db, 'hub')).id
    const asCarol = api((await loginToken(t, carol)).token)
    expect(await codeOf(asCarol.list({}))).toBe('FORBIDDEN')
    await admin.assign({ policyId: pekAdminId, userId: carol })
    expect(await codeOf(admin.assign({ policyId: pekAdminId, userId: carol }))).toBe('CONFLICT')
    expect((await asCarol.list({})).length).toBeGreaterThan(0)
    const holders = (await admin.get({ policyId: pekAdminId })).assignments
    expect(holders.find((a) => a.userId === carol)?.by?.id).toBe(adminId)
    await admin.revoke({ policyId: pekAdminId, userId: carol })
    expect(await codeOf(asCarol.list({}))).toBe('FORBIDDEN')
    expect(await codeOf(admin.revoke({ policyId: pekAdminId, userId: carol }))).toBe('NOT_FOUND')
  })

  it('refuses to assign a baseline policy or to a missing user', async () => {
    const everyone = await policyId('Mindenki')
    expect(await codeOf(admin.assign({ policyId: everyone, userId: adminId }))).toBe('CONFLICT')
    expect(await codeOf(admin.assign({ policyId: pekAdminId, userId: 2_000_000_000 }))).toBe('NOT_FOUND')
  })
})

describe('explaining decisions', () => {
  let leader: number
  let resortAdmin: number
  let nobody: number

  beforeAll(async () => {
    leader = (await createUser(t.db, 'hub')).id
    resortAdmin = (await createUser(t.db, 'hub')).id
    nobody = (await createUser(t.db, 'hub')).id
    const m = await createMembership(t.db, 'hub', { groupId: circle, userId: leader, history: ['ACTIVE'] })
    await givePost(t.db, 'hub', { membershipId: m.id, kind: 'LEADER' })
    const policy = await policyWith('Reszortadmin', rootId, [
      { scope: 'group:member-admin', target: { kind: 'GROUP', groupId: resort, withDescendants: true } },
    ])
    await admin.assign({ policyId: policy, userId: resortAdmin })
  })

  it('names the chain: a post in the group, or an assignment through an ancestor group', async () => {
    const viaPost = await admin.explain({
      userId: leader,
      scope: 'group:member-admin',
      target: { type: 'group', groupId: circle },
    })
    expect(viaPost.allowed).toBe(true)
    expect(viaPost.chain?.grant.source).toMatchObject({
      kind: 'post',
      policy: { name: 'Körvezető' },
      postType: { name: 'körvezető' },
      group: { id: circle, name: named('Kör') },
    })
    expect(viaPost.chain?.grant.statement?.target.kind).toBe('post-group')
    const viaAncestor = await admin.explain({
      userId: resortAdmin,
      scope: 'group:member-admin',
      target: { type: 'group', groupId: sibling },
    })
    expect(viaAncestor.chain?.grant.source).toMatchObject({
      kind: 'assignment',
      policy: { name: named('Reszortadmin') },
    })
    expect(viaAncestor.chain?.throughAncestor).toEqual({ id: resort, name: named('Reszort') })
    const grants = await admin.whatCan({ userId: resortAdmin })
    expect(grants.some((g) => g.scope === 'group:member-admin' && g.target.groupId === resort)).toBe(true)
    expect(await codeOf(admin.whatCan({ userId: 2_000_000_000 }))).toBe('NOT_FOUND')
  })

  it('explain, whoCan and can agree', async () => {
    const scopes: Scope[] = ['group:member-admin', 'group:owner', 'user:view-basic']
    const targets: Target[] = [
      groupTarget(resort),
      groupTarget(circle),
      groupTarget(sibling),
      groupTarget(elsewhere),
    ]
    for (const scope of scopes)
      for (const target of targets) {
        const who = await admin.whoCan({ scope, target })
        const holders = new Set(who.users.map((u) => u.user.id))
        for (const userId of [leader, resortAdmin, nobody]) {
          const can = await resolver().can(as(userId), scope, target)
          const explained = await admin.explain({ userId, scope, target })
          const listed = holders.has(userId) || who.loggedIn !== null
          expect([scope, target, userId, explained.allowed, listed]).toEqual([
            scope,
            target,
            userId,
            can,
            can,
          ])
        }
      }
  })
})
