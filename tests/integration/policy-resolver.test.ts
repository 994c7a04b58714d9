// Decisions from the policy tables: the baseline policies seeded by migration reproduce the
// walking skeleton's rules, and a change is seen by the very next decision.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { PolicyModelService } from '~/domains/policy/policy-model.service'
import type { Actor } from '~/server/auth/actor'
import { ANY_TARGET, groupTarget, userTarget } from '~/server/auth/scopes'
import { POLICY_RESOLVER, type TokenTypes } from '~/server/di/tokens'
import { createGroup, createMembership, createUser, givePost } from '../factories/records'
import { createTestApp, reconfigured } from '../support/app'
import { grantPolicy, PEK_ADMIN } from '../support/policies'

const t = createTestApp()
const resolver = () => t.app.resolve<TokenTypes[typeof POLICY_RESOLVER]>(POLICY_RESOLVER)
const anonymous: Actor = { kind: 'anonymous' }
const as = (userId: number): Actor => ({ kind: 'user', userId, sessionId: 'test' })
let anna: number
let bence: number
let circle: number
let sibling: number

beforeAll(async () => {
  anna = (await createUser(t.db, 'hub')).id
  bence = (await createUser(t.db, 'hub')).id
  const resort = (await createGroup(t.db, 'hub', { purpose: 'RESORT' })).id
  circle = (await createGroup(t.db, 'hub', { parentId: resort })).id
  sibling = (await createGroup(t.db, 'hub', { parentId: resort })).id
  const leadership = await createMembership(t.db, 'hub', {
    groupId: circle,
    userId: bence,
    history: ['PENDING', 'NEWBIE', 'ACTIVE'],
  })
  await givePost(t.db, 'hub', { membershipId: leadership.id, kind: 'LEADER' })
  await t.db.policyVersion.update({ where: { realmId: 'hub' }, data: { version: { increment: 1 } } })
})
afterAll(t.close)

describe('baseline policies', () => {
  it('let anonymous visitors see the directory and nothing else', async () => {
    expect(await resolver().can(anonymous, 'group:view', groupTarget(circle))).toBe(true)
    expect(await resolver().can(anonymous, 'session:view', ANY_TARGET)).toBe(true)
    expect(await resolver().can(anonymous, 'group:view-members', groupTarget(circle))).toBe(false)
    expect(await resolver().can(anonymous, 'user:view-basic', userTarget(anna))).toBe(false)
  })

  it('give a logged-in user members, basic profiles, and their own full profile and edit rights only', async () => {
    expect(await resolver().can(as(anna), 'group:view-members', groupTarget(circle))).toBe(true)
    expect(await resolver().can(as(anna), 'user:view-basic', userTarget(bence))).toBe(true)
    expect(await resolver().can(as(anna), 'user:edit', userTarget(anna))).toBe(true)
    expect(await resolver().can(as(anna), 'user:view-profile', userTarget(anna))).toBe(true)
    expect(await resolver().can(as(anna), 'user:edit', userTarget(bence))).toBe(false)
    expect(await resolver().can(as(anna), 'user:view-profile', ANY_TARGET)).toBe(false)
    expect(await resolver().can(as(anna), 'user:admin', userTarget(anna))).toBe(false)
  })
})

describe('post-derived rights', () => {
  it('the leader post grants leader rights on its own group, not on a sibling', async () => {
    expect(await resolver().can(as(bence), 'group:member-admin', groupTarget(circle))).toBe(true)
    expect(await resolver().can(as(bence), 'group:member-admin', groupTarget(sibling))).toBe(false)
    expect(await resolver().can(as(anna), 'group:member-admin', groupTarget(circle))).toBe(false)
  })
})

describe('changes are seen by the very next decision', () => {
  it('granting and revoking a policy (with the version bump) flips the next answer', async () => {
    const carol = (await createUser(t.db, 'hub')).id
    expect(await resolver().can(as(carol), 'user:admin', userTarget(anna))).toBe(false)
    await grantPolicy(t.db, carol, PEK_ADMIN)
    expect(await resolver().can(as(carol), 'user:admin', userTarget(anna))).toBe(true)
    await t.db.$transaction([
      t.db.policyAssignment.deleteMany({ where: { realmId: 'hub', userId: carol } }),
      t.db.policyVersion.update({ where: { realmId: 'hub' }, data: { version: { increment: 1 } } }),
    ])
    expect(await resolver().can(as(carol), 'user:admin', userTarget(anna))).toBe(false)
  })

  it('concurrent misses for the same version load the model once', async () => {
    const fresh = reconfigured(t)
    const load = vi.spyOn(PolicyModelService.prototype, 'load')
    await t.db.policyVersion.update({ where: { realmId: 'hub' }, data: { version: { increment: 1 } } })
    const policies = fresh.app.resolve<TokenTypes[typeof POLICY_RESOLVER]>(POLICY_RESOLVER)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => policies.can(as(anna), 'group:view-members', groupTarget(circle))),
    )
    expect(answers.every(Boolean)).toBe(true)
    expect(load).toHaveBeenCalledTimes(1)
    load.mockRestore()
  })
})
