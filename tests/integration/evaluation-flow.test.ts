// One semester of a group's evaluation through the tRPC procedures, in a realm of its own (so the
// test may switch the period without disturbing the hub's other test files): the leader fills in
// and submits in SUBMISSION, the reviewer corrects and rejects in REVIEW, the council accepts, and
// the switch to QUIET turns the accepted points into community points. The paired entries (edit as
// the group's editor / as a reviewer, judge / accept) reach the same rules with their own modes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Period } from '~/domains/semester/semester.schema'
import {
  createGroup,
  createMember,
  createUser,
  ensureRealm,
  ensureSharedPostTypes,
} from '../factories/records'
import { createTestApp } from '../support/app'
import { grantScopes, ROOT_POLICY } from '../support/policies'
import { callerAs, codeOf, outcomeOf as outcome } from '../support/trpc'

const stamp = Date.now().toString(36)
const REALM = `eval-flow-${stamp}`
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

type Api = Awaited<ReturnType<typeof callerAs>>
let leader: Api
let reviewer: Api
let council: Api
let leaderUser: number
let reviewerUser: number
let groupId: number
let members: number[]

async function setPeriod(period: Period) {
  await council.semester.setCurrent({ semester: '2026-2027/1', period })
}

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await ensureSharedPostTypes(t.db, REALM)
  await t.db.policy.create({ data: { realmId: REALM, name: ROOT_POLICY } })
  groupId = (await createGroup(t.db, REALM)).id
  const lead = await createMember(t.db, REALM, { groupId, history: ['ACTIVE'], posts: ['LEADER'] })
  leaderUser = lead.user.id
  members = [lead.membership.id]
  for (let i = 0; i < 2; i++)
    members.push((await createMember(t.db, REALM, { groupId, history: ['NEWBIE'] })).membership.id)
  reviewerUser = (await createUser(t.db, REALM)).id
  const councilUser = (await createUser(t.db, REALM)).id
  await grantScopes(
    t.db,
    leaderUser,
    ['evaluation:view', 'evaluation:edit-draft', 'evaluation:submit', 'group:owner'],
    REALM,
  )
  await grantScopes(
    t.db,
    reviewerUser,
    ['evaluation:view', 'evaluation:edit-pending', 'evaluation:judge'],
    REALM,
  )
  // Two policies: a policy's name (which lists its scopes) has at most 100 characters.
  await grantScopes(t.db, councilUser, ['evaluation:view', 'evaluation:accept', 'semester:admin'], REALM)
  await grantScopes(t.db, councilUser, ['evaluation:edit-pending', 'evaluation:judge'], REALM)
  leader = await callerAs(t, leaderUser, 'evaluation-flow-test')
  reviewer = await callerAs(t, reviewerUser, 'evaluation-flow-test')
  council = await callerAs(t, councilUser, 'evaluation-flow-test')
})

describe('a semester of evaluation', () => {
  it('fill, submit, review, reject, fix, resubmit, accept, and community points on the switch to QUIET', async () => {
    await setPeriod('QUIET')
    const quiet = await leader.evaluation.get({ groupId })
    const ref = { groupId, evaluationId: quiet.id }
    // QUIET: readable, but no drafting.
    expect(
      await outcome(
        leader.evaluation.createPrinciple({ ...ref, name: 'Munka', category: 'WORK', maxPoints: 30 }),
      ),
    ).toBe('period')

    await setPeriod('SUBMISSION')
    const work = await leader.evaluation.createPrinciple({
      ...ref,
      name: 'Munka',
      category: 'WORK',
      maxPoints: 40,
    })
    const resp = await leader.evaluation.createPrinciple({
      ...ref,
      name: 'Felelősség',
      category: 'RESPONSIBILITY',
      maxPoints: 25,
    })
    const [a, b, c] = members as [number, number, number]
    const cell = (membershipId: number, principleId: number, value: number, expected = 0) => ({
      ...ref,
      membershipId,
      principleId,
      value,
      expected,
    })
    await leader.evaluation.setCell(cell(a, work.id, 38))
    await leader.evaluation.setCell(cell(a, resp.id, 22))
    await leader.evaluation.setCell(cell(b, work.id, 4))
    await leader.evaluation.setCell(cell(c, resp.id, 2))
    // The reviewer's entry is refused while the request is a draft, whatever the period.
    expect(await outcome(reviewer.evaluation.reviewSetCell(cell(b, work.id, 9, 4)))).toBe('period')
    // What the editor sees before submit: the caps applied.
    const table = await leader.evaluation.get({ groupId })
    expect(table.rows.map((r) => [r.membershipId, r.capped.total])).toEqual(
      expect.arrayContaining([
        [a, 50],
        [b, 5],
        [c, 0],
      ]),
    )
    await leader.evaluation.setEntryCard({ ...ref, membershipId: a, type: 'KB' })
    expect(await outcome(leader.evaluation.submit({ ...ref, request: 'entries' }))).toBe(
      'justification-missing',
    )
    await leader.evaluation.setEntryCard({
      ...ref,
      membershipId: a,
      type: 'KB',
      justification: 'A kör motorja.',
    })
    await leader.evaluation.setReport({ ...ref, report: 'Sokat dolgoztunk.' })
    expect(await leader.evaluation.submit({ ...ref, request: 'points' })).toMatchObject({
      pointStatus: 'PENDING',
    })
    expect(await leader.evaluation.submit({ ...ref, request: 'entries' })).toMatchObject({
      entryStatus: 'PENDING',
    })
    // Submitted: the group's editors may no longer edit.
    expect(await outcome(leader.evaluation.setCell(cell(b, work.id, 6, 4)))).toBe('status')

    await setPeriod('REVIEW')
    expect(await outcome(leader.evaluation.cancel({ ...ref, request: 'points' }))).toBe('period')
    expect(await reviewer.evaluation.reviewSetCell(cell(b, work.id, 6, 4))).toMatchObject({ value: 6 })
    expect(await outcome(reviewer.evaluation.reviewSetCell(cell(b, work.id, 7, 4)))).toBe('cell-changed')
    expect(
      await outcome(reviewer.evaluation.judge({ ...ref, pointStatus: 'ACCEPTED', explanation: 'x' })),
    ).toBe('accepted')
    await reviewer.evaluation.judge({ ...ref, pointStatus: 'REJECTED', explanation: 'Túl sok pont.' })
    await reviewer.evaluation.postMessage({ ...ref, body: 'Nézzétek át a munkapontokat.' })

    // Rejected: fixed and resubmitted in the next SUBMISSION.
    await setPeriod('SUBMISSION')
    await leader.evaluation.setCell(cell(a, work.id, 30, 38))
    await leader.evaluation.submit({ ...ref, request: 'points' })
    await setPeriod('REVIEW')
    expect(
      await council.evaluation.accept({
        ...ref,
        pointStatus: 'ACCEPTED',
        entryStatus: 'ACCEPTED',
        explanation: 'Rendben.',
      }),
    ).toMatchObject({ pointStatus: 'ACCEPTED', entryStatus: 'ACCEPTED' })
    expect(await outcome(council.evaluation.reviewSetCell(cell(b, work.id, 1, 6)))).toBe('accepted')
    // The accept entry is the council's only.
    expect(
      await codeOf(reviewer.evaluation.accept({ ...ref, pointStatus: 'REJECTED', explanation: 'x' })),
    ).toBe('FORBIDDEN')

    const thread = await leader.evaluation.messages(ref)
    expect(thread.filter((m) => m.system).map((m) => m.body)).toEqual([
      'point request: NOT_SUBMITTED → PENDING, entry request: NOT_SUBMITTED → NOT_SUBMITTED, reason: points submitted',
      'point request: PENDING → PENDING, entry request: NOT_SUBMITTED → PENDING, reason: entries submitted',
      'point request: PENDING → REJECTED, entry request: PENDING → PENDING, reason: Túl sok pont.',
      'point request: REJECTED → PENDING, entry request: PENDING → PENDING, reason: points submitted',
      'point request: PENDING → ACCEPTED, entry request: PENDING → ACCEPTED, reason: Rendben.',
    ])
    const judged = await t.db.notification.findMany({
      where: { realmId: REALM, kind: 'EVALUATION_JUDGED' },
      orderBy: { id: 'asc' },
    })
    expect(judged.map((n) => [n.userId, (n.params as Record<string, unknown>).pointTo])).toEqual([
      [leaderUser, 'REJECTED'],
      [leaderUser, 'ACCEPTED'],
    ])

    await setPeriod('QUIET')
    const points = await t.db.communityPoints.findMany({
      where: { realmId: REALM, semester: '2026-2027/1' },
      orderBy: { points: 'desc' },
    })
    // a: 30 + 20 (capped) = 50; b: 6; c: 2 → 0, no row.
    expect(points.map((p) => [p.userId, p.points])).toEqual([
      [leaderUser, 50],
      [(await t.db.membership.findFirstOrThrow({ where: { realmId: REALM, id: b } })).userId, 6],
    ])
  })
})
