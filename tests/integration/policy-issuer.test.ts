// The issuer's screen (ADR 0012): a holder of a "can issue" policy lists exactly that policy and
// everything below it, marked held or below as the guard decides; the nav flag rides on
// `getCurrentUser`'s decision; the user pickers search people only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userEntries } from '~/domains/user/user.entries'
import { decide } from '~/server/auth/access'
import { ANY_TARGET } from '~/server/auth/scopes'
import { createGroup, createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { PEK_ADMIN, policyIdByName, ROOT_POLICY } from '../support/policies'
import { asNewAdmin, callerAs, codeOf } from '../support/trpc'

const t = createTestApp()
const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
const named = (name: string) => `${name} ${suffix}`
const callerFor = (userId: number | null) => callerAs(t, userId, 'policy-issuer-test')

let admin: Awaited<ReturnType<typeof callerFor>>['policy']
let rootId: number
let group: number
let issuer: number
let held: number
let child: number
let grandchild: number
let beside: number
let nested: number

beforeAll(async () => {
  admin = (await asNewAdmin(t, 'policy-issuer-test')).caller.policy
  rootId = await policyIdByName(t.db, ROOT_POLICY)
  group = (await createGroup(t.db, 'hub', { name: named('Kiadó kör') })).id
  issuer = (await createUser(t.db, 'hub')).id
  held = (await admin.create({ name: named('Kiadható'), parentId: rootId, canIssue: true })).id
  await admin.addStatement({
    policyId: held,
    scope: 'group:edit-profile',
    target: { kind: 'GROUP', groupId: group, withDescendants: true },
  })
  await admin.assign({ policyId: held, userId: issuer })
  child = (await admin.create({ name: named('Gyerek'), parentId: held, canIssue: true })).id
  grandchild = (await admin.create({ name: named('Unoka'), parentId: child })).id
  beside = (await admin.create({ name: named('Mellette'), parentId: rootId })).id
  // A second held "can issue" policy below the first one: still managed in full (it lies below).
  nested = (await admin.create({ name: named('Beágyazott'), parentId: child, canIssue: true })).id
  await admin.assign({ policyId: nested, userId: issuer })
})
afterAll(t.close)

describe('policy.issuable', () => {
  it('lists exactly the subtrees of the held "can issue" policies, each marked held or below', async () => {
    const rows = await (await callerFor(issuer)).policy.issuable({})
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      [held, child, grandchild, nested].sort((a, b) => a - b),
    )
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get(held)).toMatchObject({ held: true, canIssue: true, holderCount: 1, statementCount: 1 })
    expect(byId.get(held)?.statements).toEqual([
      expect.objectContaining({
        scope: 'group:edit-profile',
        target: expect.objectContaining({ kind: 'group', groupId: group, groupName: named('Kiadó kör') }),
      }),
    ])
    for (const id of [child, grandchild, nested])
      expect(byId.get(id)).toMatchObject({ held: false, statements: null })
    expect(byId.has(beside)).toBe(false)
    expect(byId.has(rootId)).toBe(false)
  })

  it('agrees with the guard: below may be read, the held one may not', async () => {
    const mine = (await callerFor(issuer)).policy
    expect(await codeOf(mine.get({ policyId: grandchild }))).toBe('OK')
    expect(await codeOf(mine.get({ policyId: held }))).toBe('FORBIDDEN')
    expect(await codeOf(mine.create({ name: named('Új'), parentId: held }))).toBe('OK')
  })

  it('is empty for a user who holds no "can issue" policy', async () => {
    const nobody = (await createUser(t.db, 'hub')).id
    expect(await (await callerFor(nobody)).policy.issuable({})).toEqual([])
  })

  it("holds nothing back from a PéK admin: their own policy's subtree, none of it held", async () => {
    const rows = await admin.issuable({})
    expect(rows.map((r) => r.name)).toContain(PEK_ADMIN)
    expect(rows.every((r) => !r.held && r.statements === null)).toBe(true)
  })

  it('refuses an anonymous visitor with 401', async () => {
    expect(await codeOf((await callerFor(null)).policy.issuable({}))).toBe('UNAUTHORIZED')
  })

  it('stops listing a subtree once the policy is revoked', async () => {
    const other = (await createUser(t.db, 'hub')).id
    await admin.assign({ policyId: held, userId: other })
    const theirs = (await callerFor(other)).policy
    expect((await theirs.issuable({})).length).toBeGreaterThan(0)
    await admin.revoke({ policyId: held, userId: other })
    expect(await theirs.issuable({})).toEqual([])
  })
})

describe('search.people', () => {
  it('answers the people section of the full search, alone, for logged-in users', async () => {
    const { search } = await callerFor(issuer)
    for (const q of ['Teszt', 'Elek']) {
      const people = await search.people({ q })
      expect(people).toEqual((await search.everything({ q })).people)
      expect(people).not.toHaveProperty('groups')
    }
    expect(await codeOf((await callerFor(null)).search.people({ q: 'Teszt' }))).toBe('UNAUTHORIZED')
  })
})

describe('the nav flags of getCurrentUser', () => {
  const flags = async (userId: number) =>
    decide(
      t.app,
      { kind: 'user', userId, sessionId: 'test' },
      'session:view',
      ANY_TARGET,
      userEntries.current.reveal,
    )
  it('marks an issuer in the same decision, not a plain user', async () => {
    expect((await flags(issuer)).has('policy:issue')).toBe(true)
    expect((await flags(issuer)).has('policy:admin')).toBe(false)
    const nobody = (await createUser(t.db, 'hub')).id
    expect((await flags(nobody)).has('policy:issue')).toBe(false)
  })
})
