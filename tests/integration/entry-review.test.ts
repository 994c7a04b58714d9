// The colored entry card review through tRPC, in a realm of its own (each test sets the period
// itself): who may recommend, finalize and list (entry:review on the group for a resort leader,
// on anything for the council), in which period and entry request status, recommendations kept per
// reviewer under concurrency, and the list's filters and counts per effective type.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Period } from '~/domains/semester/semester.schema'
import type { EntryType, RequestStatus } from '~/generated/prisma/enums'
import {
  createGroup,
  createMember,
  createUser,
  ensureRealm,
  ensureSharedPostTypes,
} from '../factories/records'
import { createTestApp } from '../support/app'
import { grantScopes, ROOT_POLICY } from '../support/policies'
import { setRealmPeriod } from '../support/semesters'
import { callerAs, outcomeOf as outcome } from '../support/trpc'

const stamp = Date.now().toString(36)
const REALM = `entry-review-${stamp}`
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

const CURRENT = '2026-2027/1'
type Api = Awaited<ReturnType<typeof callerAs>>
let resortLeader: Api
let otherResortLeader: Api
let council: Api
let leader: Api
let resort: number
let circle: number
let outside: number
let evaluationId: number
let outsideEvaluationId: number
/** The circle's members by their card: KB, ÁB, a KDO row, and no row at all. */
const m = { kb: 0, ab: 0, kdo: 0, none: 0, outsideKb: 0 }

const setPeriod = (period: Period, semester = CURRENT) => setRealmPeriod(t, period, semester)
async function setEntryStatus(id: number, entryStatus: RequestStatus) {
  await t.db.evaluation.update({ where: { id_realmId: { id, realmId: REALM } }, data: { entryStatus } })
}
async function card(evaluation: number, membershipId: number, type: EntryType, justification = '') {
  await t.db.entryCard.create({
    data: { realmId: REALM, evaluationId: evaluation, membershipId, type, justification },
  })
}
/** A policy holding entry:review on the group and its descendants, assigned to a new user. */
async function resortReviewer(groupId: number): Promise<number> {
  const userId = (await createUser(t.db, REALM)).id
  const policy = await t.db.policy.create({ data: { realmId: REALM, name: `reszort ${groupId} ${userId}` } })
  await t.db.policyStatement.create({
    data: {
      realmId: REALM,
      policyId: policy.id,
      scope: 'entry:review',
      targetKind: 'GROUP',
      groupId,
      withDescendants: true,
    },
  })
  await t.db.policyAssignment.create({ data: { realmId: REALM, policyId: policy.id, userId } })
  return userId
}

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await ensureSharedPostTypes(t.db, REALM)
  await t.db.policy.create({ data: { realmId: REALM, name: ROOT_POLICY } })
  resort = (await createGroup(t.db, REALM, { purpose: 'RESORT', name: `Reszort ${stamp}` })).id
  circle = (await createGroup(t.db, REALM, { parentId: resort, name: `A kör ${stamp}` })).id
  const otherResort = (await createGroup(t.db, REALM, { purpose: 'RESORT' })).id
  outside = (await createGroup(t.db, REALM, { parentId: otherResort, name: `B kör ${stamp}` })).id
  const lead = await createMember(t.db, REALM, { groupId: circle, history: ['ACTIVE'], posts: ['LEADER'] })
  m.kb = lead.membership.id
  m.ab = (await createMember(t.db, REALM, { groupId: circle, history: ['ACTIVE'] })).membership.id
  m.kdo = (await createMember(t.db, REALM, { groupId: circle, history: ['NEWBIE'] })).membership.id
  m.none = (await createMember(t.db, REALM, { groupId: circle, history: ['NEWBIE'] })).membership.id
  m.outsideKb = (await createMember(t.db, REALM, { groupId: outside, history: ['ACTIVE'] })).membership.id
  evaluationId = (
    await t.db.evaluation.create({ data: { realmId: REALM, groupId: circle, semester: CURRENT } })
  ).id
  outsideEvaluationId = (
    await t.db.evaluation.create({ data: { realmId: REALM, groupId: outside, semester: CURRENT } })
  ).id
  await card(evaluationId, m.kb, 'KB', 'Sokat dolgozott')
  await card(evaluationId, m.ab, 'AB', 'Kiemelkedő')
  await card(evaluationId, m.kdo, 'KDO')
  await card(outsideEvaluationId, m.outsideKb, 'KB', 'Máshol is')
  const councilUser = (await createUser(t.db, REALM)).id
  await grantScopes(t.db, councilUser, ['entry:review'], REALM)
  council = await callerAs(t, councilUser, 'entry-review-test')
  resortLeader = await callerAs(t, await resortReviewer(resort), 'entry-review-test')
  otherResortLeader = await callerAs(t, await resortReviewer(otherResort), 'entry-review-test')
  leader = await callerAs(t, lead.user.id, 'entry-review-test')
})

beforeEach(async () => {
  await setPeriod('REVIEW')
  await setEntryStatus(evaluationId, 'PENDING')
  await setEntryStatus(outsideEvaluationId, 'PENDING')
  // Each test starts from the group's cards, with no recommendation and no decision.
  await t.db.entryCard.updateMany({
    where: { realmId: REALM },
    data: { recommendations: [], finalType: null, finalJustification: null, final: false },
  })
})

const ref = () => ({ groupId: circle, evaluationId })
const recommendation = (membershipId: number, type: EntryType = 'KB', note = '') => ({
  ...ref(),
  membershipId,
  type,
  note,
})
const decision = (membershipId: number, finalType: EntryType = 'KB', finalJustification = 'Megérdemli') => ({
  ...ref(),
  membershipId,
  finalType,
  finalJustification,
})

describe('who may', () => {
  it("recommends: the group's resort leader and the council; not another resort's leader, not the group's leader", async () => {
    expect(await outcome(resortLeader.entryReview.recommend(recommendation(m.kb)))).toBe('OK')
    expect(await outcome(council.entryReview.recommend(recommendation(m.kb)))).toBe('OK')
    expect(await outcome(otherResortLeader.entryReview.recommend(recommendation(m.kb)))).toBe('FORBIDDEN')
    expect(await outcome(leader.entryReview.recommend(recommendation(m.kb)))).toBe('FORBIDDEN')
  })

  it('finalizes: only the council (entry:review on anything), never a resort leader', async () => {
    expect(await outcome(council.entryReview.finalize(decision(m.ab, 'AB')))).toBe('OK')
    expect(await outcome(resortLeader.entryReview.finalize(decision(m.ab, 'AB')))).toBe('FORBIDDEN')
    expect(await outcome(leader.entryReview.finalize(decision(m.ab, 'AB')))).toBe('FORBIDDEN')
  })

  it("lists every group's cards for the council, one resort's for whoever reviews the resort", async () => {
    expect(await outcome(council.entryReview.list({}))).toBe('OK')
    expect(await outcome(resortLeader.entryReview.list({}))).toBe('FORBIDDEN')
    expect(await outcome(resortLeader.entryReview.listOfResort({ resortId: resort }))).toBe('OK')
    expect(await outcome(otherResortLeader.entryReview.listOfResort({ resortId: resort }))).toBe('FORBIDDEN')
    expect(await outcome(council.entryReview.listOfResort({ resortId: resort }))).toBe('OK')
  })
})

describe('when', () => {
  it('recommendations: only in REVIEW, while the entry request is PENDING, in the current semester', async () => {
    const call = () => outcome(resortLeader.entryReview.recommend(recommendation(m.kb)))
    for (const period of ['QUIET', 'SUBMISSION'] as const) {
      await setPeriod(period)
      expect([period, await call()]).toEqual([period, 'period'])
    }
    await setPeriod('REVIEW')
    for (const status of ['NOT_SUBMITTED', 'REJECTED', 'ACCEPTED'] as const) {
      await setEntryStatus(evaluationId, status)
      expect([status, await call()]).toEqual([status, 'status'])
    }
    await setEntryStatus(evaluationId, 'PENDING')
    expect(await call()).toBe('OK')
    await setPeriod('REVIEW', '2027-2028/1')
    expect(await call()).toBe('not-current-semester')
  })

  it('the final decision: only in REVIEW, while the entry request is PENDING or already ACCEPTED', async () => {
    const call = () => outcome(council.entryReview.finalize(decision(m.kb)))
    for (const period of ['QUIET', 'SUBMISSION'] as const) {
      await setPeriod(period)
      expect([period, await call()]).toEqual([period, 'period'])
    }
    await setPeriod('REVIEW')
    for (const status of ['NOT_SUBMITTED', 'REJECTED'] as const) {
      await setEntryStatus(evaluationId, status)
      expect([status, await call()]).toEqual([status, 'status'])
    }
    for (const status of ['PENDING', 'ACCEPTED'] as const) {
      await setEntryStatus(evaluationId, status)
      expect([status, await call()]).toEqual([status, 'OK'])
    }
  })

  it('only colored cards are reviewed; a member of another group is a 404; a final KB needs a justification', async () => {
    expect(await outcome(resortLeader.entryReview.recommend(recommendation(m.kdo)))).toBe('not-colored')
    expect(await outcome(resortLeader.entryReview.recommend(recommendation(m.none)))).toBe('not-colored')
    expect(await outcome(council.entryReview.finalize(decision(m.kdo)))).toBe('not-colored')
    expect(await outcome(resortLeader.entryReview.recommend(recommendation(m.outsideKb)))).toBe('NOT_FOUND')
    expect(await outcome(council.entryReview.finalize(decision(m.kb, 'KB', '  ')))).toBe('BAD_REQUEST')
    // Turning a card into KDO needs no justification.
    expect(await outcome(council.entryReview.finalize(decision(m.kb, 'KDO', '')))).toBe('OK')
  })
})

describe('recommendations and decisions', () => {
  it("keeps one recommendation per reviewer, replaced by their next, and two reviewers' at once both land", async () => {
    await resortLeader.entryReview.recommend(recommendation(m.ab, 'KB', 'inkább KB'))
    await resortLeader.entryReview.recommend(recommendation(m.ab, 'AB', 'mégis ÁB'))
    const [mine] = (await resortLeader.entryReview.recommend(recommendation(m.ab, 'AB', 'ÁB marad')))
      .recommendations
    expect(mine).toMatchObject({ type: 'AB', note: 'ÁB marad' })
    await Promise.all([
      resortLeader.entryReview.recommend(recommendation(m.ab, 'KB', 'párhuzamos')),
      council.entryReview.recommend(recommendation(m.ab, 'KDO', 'egyszerre')),
    ])
    const { cards } = await council.entryReview.listOfResort({ resortId: resort })
    const ab = cards.find((c) => c.membershipId === m.ab)
    expect(ab?.recommendations.map((r) => [r.type, r.note]).sort()).toEqual([
      ['KB', 'párhuzamos'],
      ['KDO', 'egyszerre'],
    ])
    expect(ab?.recommendations.every((r) => typeof r.name === 'string')).toBe(true)
  })

  it('lists colored cards with counts per effective type; the final type moves a card; a resort sees its own', async () => {
    await council.entryReview.finalize({ ...decision(m.kb, 'AB', 'ÁB lett'), final: true })
    const all = await council.entryReview.list({})
    const mine = all.cards.filter((c) => c.groupId === circle || c.groupId === outside)
    expect(new Map(mine.map((c) => [c.membershipId, c.effectiveType]))).toEqual(
      new Map([
        [m.kb, 'AB'],
        [m.ab, 'AB'],
        [m.outsideKb, 'KB'],
      ]),
    )
    expect(all.counts).toEqual({ KDO: 0, KB: 1, AB: 2 })
    expect((await council.entryReview.list({ type: 'KB' })).cards.map((c) => c.membershipId)).toEqual([
      m.outsideKb,
    ])
    const resortList = await resortLeader.entryReview.listOfResort({ resortId: resort, type: 'AB' })
    expect(resortList.counts).toEqual({ KDO: 0, KB: 0, AB: 2 })
    expect(resortList.cards.map((c) => c.groupId)).toEqual([circle, circle])
    // Reopened: the group's type counts again.
    await council.entryReview.finalize({ ...decision(m.kb, 'AB', 'ÁB lett'), final: false })
    expect((await council.entryReview.list({})).counts).toEqual({ KDO: 0, KB: 2, AB: 1 })
  })
})
