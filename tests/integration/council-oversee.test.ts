// The council's members see every evaluation outside the quiet period only (PRODUCT.md, ADR 0017):
// `evaluation:oversee` is `evaluation:view` while the realm's period is not QUIET. In a realm of its
// own, so the test may switch the period; the switch goes through the RVT leader's semester screen
// procedure, and each decision right after it must already follow the new period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Period } from '~/domains/semester/semester.schema'
import { createGroup, createUser, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantScopes, policyIdByName, ROOT_POLICY } from '../support/policies'
import { callerAs, codeOf } from '../support/trpc'

const REALM = `oversee-${Date.now().toString(36)}`
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

type Api = Awaited<ReturnType<typeof callerAs>>
let member: Api
let council: Api
let groupId: number
let evaluationId: number

const setPeriod = (period: Period) => council.semester.setCurrent({ semester: '2026-2027/1', period })

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await t.db.policy.create({ data: { realmId: REALM, name: ROOT_POLICY } })
  groupId = (await createGroup(t.db, REALM)).id
  const memberUser = (await createUser(t.db, REALM)).id
  const councilUser = (await createUser(t.db, REALM)).id
  await grantScopes(t.db, memberUser, ['evaluation:oversee'], REALM)
  await grantScopes(t.db, councilUser, ['evaluation:view', 'semester:admin'], REALM)
  member = await callerAs(t, memberUser, 'council-oversee-test')
  council = await callerAs(t, councilUser, 'council-oversee-test')
  await setPeriod('QUIET')
  evaluationId = (await council.evaluation.get({ groupId })).id
})

/** What a council member gets from each read and from writing a message. */
async function memberSees() {
  const ref = { groupId, evaluationId }
  return {
    get: await codeOf(member.evaluation.get({ groupId })),
    list: await codeOf(member.evaluation.list({})),
    messages: await codeOf(member.evaluation.messages(ref)),
    postMessage: await codeOf(member.evaluation.postMessage({ ...ref, body: 'Kérdésem van.' })),
  }
}

const allowed = { get: 'OK', list: 'OK', messages: 'OK', postMessage: 'OK' }
const refused = { get: 'FORBIDDEN', list: 'FORBIDDEN', messages: 'FORBIDDEN', postMessage: 'FORBIDDEN' }

describe("a council member's view of evaluations", () => {
  it('is refused in QUIET and allowed in SUBMISSION and REVIEW, from the first request after each switch', async () => {
    expect(await memberSees()).toEqual(refused)
    await setPeriod('SUBMISSION')
    expect(await memberSees()).toEqual(allowed)
    await setPeriod('REVIEW')
    expect(await memberSees()).toEqual(allowed)
    await setPeriod('QUIET')
    expect(await memberSees()).toEqual(refused)
  })

  it('lists the groups outside QUIET and shows what the member wrote', async () => {
    await setPeriod('REVIEW')
    const listed = await member.evaluation.list({})
    expect(listed.map((e) => e.evaluationId)).toContain(evaluationId)
    const thread = await member.evaluation.messages({ groupId, evaluationId })
    expect(thread.map((m) => m.body)).toContain('Kérdésem van.')
    await setPeriod('QUIET')
  })

  it('never lets oversee edit, judge or see the history', async () => {
    await setPeriod('REVIEW')
    expect(
      await codeOf(
        member.evaluation.judge({ groupId, evaluationId, pointStatus: 'REJECTED', explanation: 'nem' }),
      ),
    ).toBe('FORBIDDEN')
    expect(await codeOf(member.history.ofGroup({ groupId }))).toBe('FORBIDDEN')
    await setPeriod('QUIET')
  })
})

describe('the reference data', () => {
  it("gives the hub's RVT-tag oversee on anything, not view", async () => {
    const policyId = await policyIdByName(t.db, 'RVT-tag')
    const statements = await t.db.policyStatement.findMany({ where: { realmId: 'hub', policyId } })
    expect(statements.map((s) => [s.scope, s.targetKind])).toEqual([['evaluation:oversee', 'ANY']])
  })
})
