// Who may call which evaluation procedure, through tRPC with the hub's built-in policies (the post
// templates and the council's policies of the reference data). The hub's period is shared by every
// test file running in parallel and this file never changes it: a call the guard lets through may
// still be refused by a rule of the period (409), which proves it passed the guard; the rules
// themselves are tested per period in evaluation-service.test.ts and evaluation-flow.test.ts.
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PublicError } from '~/shared/public-error'
import { createGroup, createMember, createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantPolicy } from '../support/policies'
import { callerAs, codeOf } from '../support/trpc'

const t = createTestApp()
afterAll(t.close)

type Api = Awaited<ReturnType<typeof callerAs>>
const serving = ['PENDING', 'NEWBIE', 'ACTIVE'] as const

let resort: number
let circle: number
let sibling: number
let evaluationId: number
let siblingEvaluationId: number
let principleId: number
let membershipId: number
const callers = new Map<string, Api>()
const as = (who: string): Api => {
  const api = callers.get(who)
  if (!api) throw new Error(`no caller ${who}`)
  return api
}

beforeAll(async () => {
  resort = (await createGroup(t.db, 'hub', { purpose: 'RESORT' })).id
  circle = (await createGroup(t.db, 'hub', { parentId: resort })).id
  sibling = (await createGroup(t.db, 'hub', { parentId: resort })).id
  const member = async (
    groupId: number,
    posts: ('LEADER' | 'DEPUTY' | 'EVALUATION_HELPER' | 'RESORT_LEADER')[],
  ) => createMember(t.db, 'hub', { groupId, history: [...serving], posts })
  const leader = await member(circle, ['LEADER'])
  membershipId = leader.membership.id
  const users: Record<string, number | null> = {
    leader: leader.user.id,
    deputy: (await member(circle, ['DEPUTY'])).user.id,
    helper: (await member(circle, ['EVALUATION_HELPER'])).user.id,
    member: (await member(circle, [])).user.id,
    siblingLeader: (await member(sibling, ['LEADER'])).user.id,
    resortLeader: (await member(resort, ['RESORT_LEADER'])).user.id,
    council: (await createUser(t.db, 'hub')).id,
    councilMember: (await createUser(t.db, 'hub')).id,
    student: (await createUser(t.db, 'hub')).id,
    anonymous: null,
  }
  await grantPolicy(t.db, users.council as number, 'RVT-elnök')
  await grantPolicy(t.db, users.councilMember as number, 'RVT-tag')
  for (const [who, userId] of Object.entries(users))
    callers.set(who, await callerAs(t, userId, 'evaluation-access-test'))
  // The evaluations and a principle written directly: the hub's period may not allow edits.
  const { semester } = await as('leader').semester.current()
  evaluationId = (await t.db.evaluation.create({ data: { realmId: 'hub', groupId: circle, semester } })).id
  siblingEvaluationId = (
    await t.db.evaluation.create({ data: { realmId: 'hub', groupId: sibling, semester } })
  ).id
  principleId = (
    await t.db.principle.create({
      data: { realmId: 'hub', evaluationId, name: 'Munka', category: 'WORK', maxPoints: 10 },
    })
  ).id
})

/** Passed the guard: answered, or refused by a rule of the evaluation (409), never 401/403. */
const PASSED = ['OK', 'CONFLICT']

describe('reading the evaluation', () => {
  it("is for the group's editors, its resort leader and the council; not for members, siblings or strangers", async () => {
    for (const who of ['leader', 'deputy', 'helper', 'resortLeader', 'council'])
      expect([who, await codeOf(as(who).evaluation.get({ groupId: circle }))]).toEqual([who, 'OK'])
    // The hub is in QUIET here, when the council's members see no evaluation (council-oversee.test.ts
    // switches the period in a realm of its own).
    expect((await as('leader').semester.current()).period).toBe('QUIET')
    for (const who of ['member', 'siblingLeader', 'student', 'councilMember'])
      expect([who, await codeOf(as(who).evaluation.get({ groupId: circle }))]).toEqual([who, 'FORBIDDEN'])
    expect(await codeOf(as('anonymous').evaluation.get({ groupId: circle }))).toBe('UNAUTHORIZED')
  })

  it('tells each viewer what they may do, as the guard decided', async () => {
    const rights = async (who: string) => (await as(who).evaluation.get({ groupId: circle })).viewer
    expect(await rights('leader')).toEqual({
      editDraft: true,
      editPending: false,
      submit: true,
      judge: false,
      accept: false,
      writeReport: true,
    })
    expect(await rights('helper')).toMatchObject({ editDraft: true, submit: false, writeReport: false })
    expect(await rights('resortLeader')).toMatchObject({
      editDraft: false,
      editPending: true,
      judge: true,
      accept: false,
    })
    expect(await rights('council')).toMatchObject({
      editDraft: false,
      editPending: true,
      judge: true,
      accept: true,
    })
  })
})

describe("the reviewers' list", () => {
  it("all groups' for those who see evaluations anywhere; a resort's subtree for whoever sees the resort's", async () => {
    const all = await as('council').evaluation.list()
    expect(all.map((e) => e.evaluationId)).toEqual(
      expect.arrayContaining([evaluationId, siblingEvaluationId]),
    )
    for (const who of ['resortLeader', 'leader', 'student', 'councilMember'])
      expect([who, await codeOf(as(who).evaluation.list({}))]).toEqual([who, 'FORBIDDEN'])
    const ofResort = await as('resortLeader').evaluation.listOfResort({ resortId: resort })
    expect(ofResort.map((e) => e.groupId).sort()).toEqual([circle, sibling].sort())
    expect(
      (
        await as('resortLeader').evaluation.listOfResort({ resortId: resort, pointStatus: 'ACCEPTED' })
      ).filter((e) => e.groupId === circle),
    ).toEqual([])
    for (const who of ['siblingLeader', 'member', 'student'])
      expect([who, await codeOf(as(who).evaluation.listOfResort({ resortId: resort }))]).toEqual([
        who,
        'FORBIDDEN',
      ])
    expect(await codeOf(as('anonymous').evaluation.list())).toBe('UNAUTHORIZED')
  })
})

describe('changes', () => {
  const ref = () => ({ groupId: circle, evaluationId })
  const calls = (api: Api): Record<string, () => Promise<unknown>> => ({
    setCell: () => api.evaluation.setCell({ ...ref(), principleId, membershipId, value: 1, expected: 0 }),
    reviewSetCell: () =>
      api.evaluation.reviewSetCell({ ...ref(), principleId, membershipId, value: 1, expected: 0 }),
    setEntryCard: () => api.evaluation.setEntryCard({ ...ref(), membershipId, type: 'KDO' }),
    reviewSetEntryCard: () => api.evaluation.reviewSetEntryCard({ ...ref(), membershipId, type: 'KDO' }),
    createPrinciple: () =>
      api.evaluation.createPrinciple({ ...ref(), name: 'x', category: 'WORK', maxPoints: 1 }),
    setReport: () => api.evaluation.setReport({ ...ref(), report: 'x' }),
    submit: () => api.evaluation.submit({ ...ref(), request: 'points' }),
    cancel: () => api.evaluation.cancel({ ...ref(), request: 'points' }),
    judge: () => api.evaluation.judge({ ...ref(), pointStatus: 'REJECTED', explanation: 'x' }),
    accept: () => api.evaluation.accept({ ...ref(), pointStatus: 'ACCEPTED', explanation: 'x' }),
  })
  /** Which calls each caller gets past the guard with; every other one is 403. */
  const ALLOWED: Record<string, string[]> = {
    leader: ['setCell', 'setEntryCard', 'createPrinciple', 'setReport', 'submit', 'cancel'],
    deputy: ['setCell', 'setEntryCard', 'createPrinciple', 'submit', 'cancel'],
    helper: ['setCell', 'setEntryCard', 'createPrinciple'],
    resortLeader: ['reviewSetCell', 'reviewSetEntryCard', 'judge'],
    council: ['reviewSetCell', 'reviewSetEntryCard', 'judge', 'accept'],
    councilMember: [],
    member: [],
    siblingLeader: [],
    student: [],
  }

  it('each caller passes the guard exactly for the entries of their scopes on the group', async () => {
    for (const [who, allowed] of Object.entries(ALLOWED))
      for (const [name, call] of Object.entries(calls(as(who)))) {
        const code = await codeOf(call())
        expect({
          who,
          name,
          passed: PASSED.includes(code),
          code: PASSED.includes(code) ? 'passed' : code,
        }).toEqual({
          who,
          name,
          passed: allowed.includes(name),
          code: allowed.includes(name) ? 'passed' : 'FORBIDDEN',
        })
      }
    for (const call of Object.values(calls(as('anonymous'))))
      expect(await codeOf(call())).toBe('UNAUTHORIZED')
  })

  it('a refusal by a rule carries its reason; another group’s evaluation under this group is a 404', async () => {
    const { period } = await as('leader').semester.current()
    const error = await as('leader')
      .evaluation.submit({ ...ref(), request: 'points' })
      .catch((e: unknown) => e)
    if (period !== 'SUBMISSION') {
      expect(error).toBeInstanceOf(TRPCError)
      expect(((error as TRPCError).cause as PublicError).reason).toBe('period')
    }
    expect(
      await codeOf(
        as('leader').evaluation.submit({
          groupId: circle,
          evaluationId: siblingEvaluationId,
          request: 'points',
        }),
      ),
    ).toBe('NOT_FOUND')
    expect(
      await codeOf(as('leader').evaluation.messages({ groupId: circle, evaluationId: siblingEvaluationId })),
    ).toBe('NOT_FOUND')
    // The sibling's leader cannot reach their own evaluation through this group either.
    expect(
      await codeOf(
        as('siblingLeader').evaluation.messages({ groupId: circle, evaluationId: siblingEvaluationId }),
      ),
    ).toBe('FORBIDDEN')
  })

  it('invalid input is a 400 before anything else', async () => {
    expect(
      await codeOf(
        as('leader').evaluation.setCell({ ...ref(), principleId, membershipId, value: -1, expected: 0 }),
      ),
    ).toBe('BAD_REQUEST')
    expect(await codeOf(as('leader').evaluation.get({ groupId: circle, semester: '2024-2026/1' }))).toBe(
      'BAD_REQUEST',
    )
  })
})
