// The evaluation services on a real PostgreSQL, in a realm of their own (the hub's period is shared
// by every test file running in parallel; here each test sets this realm's period itself):
// first-visit creation under concurrency, the table with its caps, cell writes and their race,
// every edit / submit / cancel / judge precondition (who × period × status), the entry card rule,
// system messages and notifications, and the accepted points feeding community points.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { EditMode, JudgeMode } from '~/domains/evaluation/edit-rules'
import {
  CellChangedError,
  EvaluationRuleError,
  MissingJustificationError,
} from '~/domains/evaluation/evaluation.errors'
import { EvaluationService } from '~/domains/evaluation/evaluation.service'
import { EvaluationStatusService } from '~/domains/evaluation/evaluation-status.service'
import { MembershipPointsService } from '~/domains/membership/membership-points.service'
import type { Period } from '~/domains/semester/semester.schema'
import { SemesterService } from '~/domains/semester/semester.service'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import type { RequestStatus } from '~/generated/prisma/enums'
import { requestContainer } from '~/server/di/request-scope'
import { NotFoundError, ValidationError } from '~/server/errors'
import {
  createGroup,
  createMember,
  createUser,
  ensureRealm,
  ensureSharedPostTypes,
} from '../factories/records'
import { createTestApp } from '../support/app'

const stamp = Date.now().toString(36)
const REALM = `eval-${stamp}`
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

const CURRENT = '2026-2027/1'
const PREVIOUS = '2025-2026/2'

const scope = (userId: number) =>
  requestContainer(t.app, { kind: 'user', userId, sessionId: 'test' }, 'evaluation-test')
const evaluations = (userId: number) => scope(userId).resolve(EvaluationService)
const statuses = (userId: number) => scope(userId).resolve(EvaluationStatusService)

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error,
  )
}
/** The rule a call was refused by, or 'OK'. */
async function ruleOf(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'OK'
  } catch (error) {
    if (error instanceof EvaluationRuleError) return error.reason
    throw error
  }
}

async function setPeriod(period: Period, semester = CURRENT) {
  await scope(councilId).resolve(SemesterSettingsService).current()
  await t.db.semesterSettings.update({ where: { realmId: REALM }, data: { semester, period } })
}
async function setStatus(evaluationId: number, pointStatus: RequestStatus, entryStatus = pointStatus) {
  await t.db.evaluation.update({
    where: { id_realmId: { id: evaluationId, realmId: REALM } },
    data: { pointStatus, entryStatus },
  })
}

let resort: number
let circle: number
let other: number
let leaderId: number
let leaderMembership: number
let resortLeaderId: number
let councilId: number
/** Serving members of the circle (NEWBIE or ACTIVE), and ones who are not. */
let members: number[]
let pending: number
let former: number
let otherGroupMember: number

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await ensureSharedPostTypes(t.db, REALM)
  resort = (await createGroup(t.db, REALM, { purpose: 'RESORT' })).id
  circle = (await createGroup(t.db, REALM, { parentId: resort })).id
  other = (await createGroup(t.db, REALM, { parentId: resort })).id
  const leader = await createMember(t.db, REALM, {
    groupId: circle,
    history: ['PENDING', 'NEWBIE', 'ACTIVE'],
    posts: ['LEADER'],
    familyName: 'A Vezető',
  })
  leaderId = leader.user.id
  leaderMembership = leader.membership.id
  members = [leaderMembership]
  for (const [i, history] of [['NEWBIE'], ['PENDING', 'NEWBIE', 'ACTIVE']].entries())
    members.push(
      (
        await createMember(t.db, REALM, {
          groupId: circle,
          history: history as ('NEWBIE' | 'PENDING' | 'ACTIVE')[],
          familyName: `B Tag ${i}`,
        })
      ).membership.id,
    )
  pending = (await createMember(t.db, REALM, { groupId: circle, history: ['PENDING'] })).membership.id
  former = (await createMember(t.db, REALM, { groupId: circle, history: ['ACTIVE', 'FORMER'] })).membership.id
  otherGroupMember = (await createMember(t.db, REALM, { groupId: other, history: ['ACTIVE'] })).membership.id
  // The resort leader: evaluation:judge on the resort and its descendants (as the RESORT_LEADER
  // post template grants in the hub); the council: evaluation:judge on anything (not notified).
  resortLeaderId = (await createUser(t.db, REALM, { familyName: 'Reszortvezető' })).id
  councilId = (await createUser(t.db, REALM, { familyName: 'RVT-elnök' })).id
  const resortPolicy = await t.db.policy.create({ data: { realmId: REALM, name: 'reszort' } })
  await t.db.policyStatement.create({
    data: {
      realmId: REALM,
      policyId: resortPolicy.id,
      scope: 'evaluation:judge',
      targetKind: 'GROUP',
      groupId: resort,
      withDescendants: true,
    },
  })
  await t.db.policyAssignment.create({
    data: { realmId: REALM, policyId: resortPolicy.id, userId: resortLeaderId },
  })
  const councilPolicy = await t.db.policy.create({ data: { realmId: REALM, name: 'rvt' } })
  await t.db.policyStatement.create({
    data: { realmId: REALM, policyId: councilPolicy.id, scope: 'evaluation:judge', targetKind: 'ANY' },
  })
  await t.db.policyAssignment.create({
    data: { realmId: REALM, policyId: councilPolicy.id, userId: councilId },
  })
})

/** A fresh evaluation of the circle for the current semester, with one principle per category. */
async function freshEvaluation() {
  await setPeriod('SUBMISSION')
  await t.db.evaluation.deleteMany({ where: { realmId: REALM, groupId: circle } })
  const ev = await evaluations(leaderId).open({ groupId: circle })
  const ref = { groupId: circle, evaluationId: ev.id }
  const work = await evaluations(leaderId).createPrinciple({
    ...ref,
    name: 'Munka',
    category: 'WORK',
    maxPoints: 40,
  })
  const resp = await evaluations(leaderId).createPrinciple({
    ...ref,
    name: 'Felelősség',
    category: 'RESPONSIBILITY',
    maxPoints: 30,
  })
  return { ev, ref, work: work.id, resp: resp.id }
}

beforeEach(async () => {
  await setPeriod('SUBMISSION')
})

describe('opening the evaluation', () => {
  it('creates one per group and semester, also when first visits arrive together', async () => {
    await t.db.evaluation.deleteMany({ where: { realmId: REALM, groupId: circle } })
    const opened = await Promise.all(
      Array.from({ length: 6 }, () => evaluations(leaderId).open({ groupId: circle })),
    )
    expect(new Set(opened.map((e) => e.id)).size).toBe(1)
    expect(await t.db.evaluation.count({ where: { realmId: REALM, groupId: circle } })).toBe(1)
    expect(opened[0]).toMatchObject({
      semester: CURRENT,
      pointStatus: 'NOT_SUBMITTED',
      entryStatus: 'NOT_SUBMITTED',
      current: true,
      period: 'SUBMISSION',
    })
  })

  it('lists the serving members only (active or newbie; not pending, former or of another group)', async () => {
    const { ev } = await freshEvaluation()
    const rows = (await evaluations(leaderId).open({ groupId: circle })).rows
    expect(rows.map((r) => r.membershipId).sort()).toEqual([...members].sort())
    expect(rows.map((r) => r.membershipId)).not.toContain(pending)
    expect(rows.map((r) => r.membershipId)).not.toContain(former)
    expect(rows.every((r) => r.entryCard.type === 'KDO')).toBe(true)
    expect(ev.rows).toHaveLength(members.length)
  })

  it('reads a past semester without creating it (404 when there is none)', async () => {
    const error = await failure(evaluations(leaderId).open({ groupId: circle, semester: '2020-2021/1' }))
    expect(error).toBeInstanceOf(NotFoundError)
    await expect(evaluations(leaderId).open({ groupId: 999_999_999 })).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('the point table', () => {
  it('shows per-category sums and the capped total from the stored caps (30 / 20 / 50, 1–2 → 0, 3–4 → 5)', async () => {
    const { ref, work, resp } = await freshEvaluation()
    const set = (membershipId: number, principleId: number, value: number) =>
      evaluations(leaderId).setCell({ ...ref, principleId, membershipId, value, expected: 0 }, 'group')
    const [a, b, c] = members as [number, number, number]
    await set(a, work, 35)
    await set(a, resp, 25)
    await set(b, work, 2)
    await set(c, work, 3)
    await set(c, resp, 1)
    const rows = new Map(
      (await evaluations(leaderId).open({ groupId: circle })).rows.map((r) => [r.membershipId, r]),
    )
    expect(rows.get(a)).toMatchObject({
      sums: { work: 35, responsibility: 25 },
      capped: { work: 30, responsibility: 20, total: 50 },
      cells: { [work]: 35, [resp]: 25 },
    })
    expect(rows.get(b)?.capped.total).toBe(0)
    expect(rows.get(c)?.capped.total).toBe(5)
    // The caps are settings: a stricter work cap shows at once.
    await t.db.semesterSettings.update({ where: { realmId: REALM }, data: { workCap: 10 } })
    try {
      const again = (await evaluations(leaderId).open({ groupId: circle })).rows.find(
        (r) => r.membershipId === a,
      )
      expect(again?.capped).toEqual({ work: 10, responsibility: 20, total: 30 })
    } finally {
      await t.db.semesterSettings.update({ where: { realmId: REALM }, data: { workCap: 30 } })
    }
  })

  it('refuses values outside 0..max (400 with the field) and cells outside the group (404) or of non-serving members', async () => {
    const { ref, work } = await freshEvaluation()
    const cell = { ...ref, principleId: work, membershipId: members[1] as number, expected: 0 }
    expect(
      ((await failure(evaluations(leaderId).setCell({ ...cell, value: 41 }, 'group'))) as ValidationError)
        .fields,
    ).toEqual({
      value: ['tooLarge'],
    })
    expect(await failure(evaluations(leaderId).setCell({ ...cell, value: -1 }, 'group'))).toBeInstanceOf(
      ValidationError,
    )
    expect((await evaluations(leaderId).setCell({ ...cell, value: 40 }, 'group')).value).toBe(40)
    await expect(
      evaluations(leaderId).setCell({ ...cell, membershipId: otherGroupMember, value: 1 }, 'group'),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      evaluations(leaderId).setCell({ ...cell, groupId: other, value: 1 }, 'group'),
    ).rejects.toBeInstanceOf(NotFoundError)
    expect(
      await ruleOf(evaluations(leaderId).setCell({ ...cell, membershipId: former, value: 1 }, 'group')),
    ).toBe('not-eligible')
    expect(
      await ruleOf(evaluations(leaderId).setCell({ ...cell, membershipId: pending, value: 1 }, 'group')),
    ).toBe('not-eligible')
  })

  it('names what a cell write misses (evaluation, principle, membership), after the period rules', async () => {
    const { ref, work } = await freshEvaluation()
    const cell = { ...ref, principleId: work, membershipId: members[1] as number, value: 1, expected: 0 }
    const missing = async (write: Promise<unknown>) => {
      const error = await failure(write)
      expect(error).toBeInstanceOf(NotFoundError)
      return (error as NotFoundError).entity
    }
    expect(
      await missing(evaluations(leaderId).setCell({ ...cell, evaluationId: 999_999_999 }, 'group')),
    ).toBe('Evaluation')
    expect(await missing(evaluations(leaderId).setCell({ ...cell, principleId: 999_999_999 }, 'group'))).toBe(
      'Principle',
    )
    expect(
      await missing(evaluations(leaderId).setCell({ ...cell, membershipId: 999_999_999 }, 'group')),
    ).toBe('Membership')
    // Outside the submission period the refusal comes first, as for every edit.
    await setPeriod('QUIET')
    expect(await ruleOf(evaluations(leaderId).setCell({ ...cell, principleId: 999_999_999 }, 'group'))).toBe(
      'period',
    )
    expect(await ruleOf(evaluations(leaderId).setCell(cell, 'group'))).toBe('period')
    await setPeriod('SUBMISSION')
    expect((await evaluations(leaderId).setCell(cell, 'group')).value).toBe(1)
  })

  it('a principle may not fall below a value already given; deleting one takes its cells', async () => {
    const { ref, work } = await freshEvaluation()
    await evaluations(leaderId).setCell(
      { ...ref, principleId: work, membershipId: members[0] as number, value: 20, expected: 0 },
      'group',
    )
    const update = { ...ref, principleId: work, name: 'Munka', category: 'WORK' as const }
    expect(
      (
        (await failure(
          evaluations(leaderId).updatePrinciple({ ...update, maxPoints: 10 }),
        )) as ValidationError
      ).fields,
    ).toEqual({
      maxPoints: ['belowGivenPoints'],
    })
    expect((await evaluations(leaderId).updatePrinciple({ ...update, maxPoints: 20 })).maxPoints).toBe(20)
    await evaluations(leaderId).deletePrinciple({ ...ref, principleId: work })
    expect(await t.db.pointCell.count({ where: { realmId: REALM, principleId: work } })).toBe(0)
  })

  it("copies last semester's principles in one call, once", async () => {
    await setPeriod('SUBMISSION', PREVIOUS)
    await t.db.evaluation.deleteMany({ where: { realmId: REALM, groupId: circle } })
    const old = await evaluations(leaderId).open({ groupId: circle })
    const oldRef = { groupId: circle, evaluationId: old.id }
    await evaluations(leaderId).createPrinciple({
      ...oldRef,
      name: 'Rendezvény',
      category: 'WORK',
      maxPoints: 12,
    })
    await evaluations(leaderId).createPrinciple({
      ...oldRef,
      name: 'Vezetés',
      description: 'körvezetés',
      category: 'RESPONSIBILITY',
      maxPoints: 8,
    })
    await setPeriod('SUBMISSION')
    const ev = await evaluations(leaderId).open({ groupId: circle })
    const ref = { groupId: circle, evaluationId: ev.id }
    const copied = await evaluations(leaderId).copyPreviousPrinciples(ref)
    expect(
      copied.map(({ name, description, category, maxPoints }) => [name, description, category, maxPoints]),
    ).toEqual([
      ['Rendezvény', '', 'WORK', 12],
      ['Vezetés', 'körvezetés', 'RESPONSIBILITY', 8],
    ])
    expect(await ruleOf(evaluations(leaderId).copyPreviousPrinciples(ref))).toBe('principles-exist')
  })
})

describe('two editors writing cells at once', () => {
  it('lowering a maximum while a value above it is written: exactly one lands, never a value above the maximum', async () => {
    for (let round = 0; round < 4; round++) {
      const { ref, work } = await freshEvaluation()
      const [write, lower] = await Promise.allSettled([
        evaluations(leaderId).setCell(
          { ...ref, principleId: work, membershipId: members[0] as number, value: 35, expected: 0 },
          'group',
        ),
        evaluations(leaderId).updatePrinciple({
          ...ref,
          principleId: work,
          name: 'Munka',
          category: 'WORK',
          maxPoints: 20,
        }),
      ])
      expect([write.status, lower.status].filter((s) => s === 'fulfilled')).toHaveLength(1)
      for (const r of [write, lower])
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ValidationError)
      const principle = await t.db.principle.findFirstOrThrow({ where: { realmId: REALM, id: work } })
      const cells = await t.db.pointCell.findMany({ where: { realmId: REALM, principleId: work } })
      expect(cells.every((c) => c.value <= principle.maxPoints)).toBe(true)
    }
  })

  it('of two writes from the same value one lands and the other is told the current value', async () => {
    const { ref, work } = await freshEvaluation()
    const cell = { ...ref, principleId: work, membershipId: members[1] as number, expected: 0 }
    for (let round = 0; round < 5; round++) {
      const seen =
        (
          await t.db.pointCell.findFirst({
            where: { realmId: REALM, principleId: work, membershipId: cell.membershipId },
          })
        )?.value ?? 0
      const values = [10 + round, 20 + round]
      const results = await Promise.allSettled(
        values.map((value) => evaluations(leaderId).setCell({ ...cell, value, expected: seen }, 'group')),
      )
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r) => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      const winner = (won[0] as PromiseFulfilledResult<{ value: number }>).value.value
      const error = (lost[0] as PromiseRejectedResult).reason
      expect(error).toBeInstanceOf(CellChangedError)
      expect(error.reason).toBe('cell-changed')
      expect(error.current).toBe(winner)
      expect(error.fields).toEqual({ value: [String(winner)] })
      const stored = await t.db.pointCell.findFirstOrThrow({
        where: { realmId: REALM, principleId: work, membershipId: cell.membershipId },
      })
      expect(stored.value).toBe(winner)
    }
  })

  it('writes to different cells never conflict, and a stale write of the stored value succeeds', async () => {
    const { ref, work, resp } = await freshEvaluation()
    const writes = members.flatMap((membershipId) =>
      [work, resp].map((principleId) =>
        evaluations(leaderId).setCell({ ...ref, principleId, membershipId, value: 7, expected: 0 }, 'group'),
      ),
    )
    expect((await Promise.all(writes)).every((c) => c.value === 7)).toBe(true)
    // Both editors wanted 7: the second, who saw 0, is not refused.
    const again = { ...ref, principleId: work, membershipId: members[0] as number, value: 7, expected: 0 }
    expect((await evaluations(leaderId).setCell(again, 'group')).value).toBe(7)
    // A stale write of another value is.
    expect(await failure(evaluations(leaderId).setCell({ ...again, value: 8 }, 'group'))).toBeInstanceOf(
      CellChangedError,
    )
  })
})

const PERIODS: Period[] = ['QUIET', 'SUBMISSION', 'REVIEW']
const STATUSES: RequestStatus[] = ['NOT_SUBMITTED', 'PENDING', 'ACCEPTED', 'REJECTED']

describe('who edits when (status × period × mode)', () => {
  /** PRODUCT.md, written out: the group's editors in SUBMISSION while NOT_SUBMITTED or REJECTED, reviewers in REVIEW while PENDING. */
  const allowed = (mode: EditMode, period: Period, status: RequestStatus) =>
    mode === 'group'
      ? period === 'SUBMISSION' && (status === 'NOT_SUBMITTED' || status === 'REJECTED')
      : period === 'REVIEW' && status === 'PENDING'

  it('points and entry cards, for every combination', async () => {
    const { ev, ref, work } = await freshEvaluation()
    const membershipId = members[2] as number
    for (const period of PERIODS)
      for (const status of STATUSES)
        for (const mode of ['group', 'review'] as const) {
          await setPeriod(period)
          await setStatus(ev.id, status)
          const current =
            (await t.db.pointCell.findFirst({ where: { realmId: REALM, principleId: work, membershipId } }))
              ?.value ?? 0
          const cell = ruleOf(
            evaluations(leaderId).setCell(
              { ...ref, principleId: work, membershipId, value: current + 1, expected: current },
              mode,
            ),
          )
          const card = ruleOf(
            evaluations(leaderId).setEntryCard(
              { ...ref, membershipId, type: 'KB', justification: 'sokat dolgozott' },
              mode,
            ),
          )
          const expected = allowed(mode, period, status)
            ? 'OK'
            : status === 'ACCEPTED'
              ? 'accepted'
              : expect.stringMatching(/^(period|status)$/)
          expect({ period, status, mode, cell: await cell }).toEqual({ period, status, mode, cell: expected })
          expect({ period, status, mode, card: await card }).toEqual({ period, status, mode, card: expected })
        }
  })

  it('principles and the report are the group editors’ in SUBMISSION only; a past semester is read only', async () => {
    const { ev, ref, work } = await freshEvaluation()
    const principle = { ...ref, name: 'Új', category: 'WORK' as const, maxPoints: 5 }
    expect(await ruleOf(evaluations(leaderId).setReport({ ...ref, report: 'Jó félév volt.' }))).toBe('OK')
    for (const period of ['QUIET', 'REVIEW'] as const) {
      await setPeriod(period)
      expect(await ruleOf(evaluations(leaderId).createPrinciple(principle))).toBe('period')
      expect(await ruleOf(evaluations(leaderId).setReport({ ...ref, report: 'x' }))).toBe('period')
    }
    await setPeriod('SUBMISSION')
    await setStatus(ev.id, 'PENDING')
    expect(await ruleOf(evaluations(leaderId).createPrinciple(principle))).toBe('status')
    expect(await ruleOf(evaluations(leaderId).deletePrinciple({ ...ref, principleId: work }))).toBe('status')
    await setStatus(ev.id, 'NOT_SUBMITTED')
    // The semester moves on: the evaluation is no longer the current one.
    await setPeriod('SUBMISSION', '2027-2028/2')
    expect(await ruleOf(evaluations(leaderId).createPrinciple(principle))).toBe('not-current-semester')
    expect((await evaluations(leaderId).open({ groupId: circle, semester: CURRENT })).current).toBe(false)
    expect((await evaluations(leaderId).open({ groupId: circle, semester: CURRENT })).report).toBe(
      'Jó félév volt.',
    )
  })
})

describe('submit and cancel', () => {
  it('each request separately: current semester, SUBMISSION, not PENDING or ACCEPTED; cancel only PENDING in SUBMISSION', async () => {
    const { ev, ref } = await freshEvaluation()
    const points = { ...ref, request: 'points' as const }
    const entries = { ...ref, request: 'entries' as const }
    for (const period of ['QUIET', 'REVIEW'] as const) {
      await setPeriod(period)
      expect(await ruleOf(statuses(leaderId).submit(points))).toBe('period')
    }
    await setPeriod('SUBMISSION')
    expect(await ruleOf(statuses(leaderId).cancel(points))).toBe('status')
    expect(await statuses(leaderId).submit(points)).toEqual({
      id: ev.id,
      pointStatus: 'PENDING',
      entryStatus: 'NOT_SUBMITTED',
    })
    expect(await ruleOf(statuses(leaderId).submit(points))).toBe('status')
    // The entry request is its own.
    expect((await statuses(leaderId).submit(entries)).entryStatus).toBe('PENDING')
    expect((await statuses(leaderId).cancel(entries)).entryStatus).toBe('NOT_SUBMITTED')
    await setPeriod('REVIEW')
    expect(await ruleOf(statuses(leaderId).cancel(points))).toBe('period')
    await setPeriod('SUBMISSION')
    expect(await statuses(leaderId).cancel(points)).toEqual({
      id: ev.id,
      pointStatus: 'NOT_SUBMITTED',
      entryStatus: 'NOT_SUBMITTED',
    })
    // A rejected request may be fixed and resubmitted; an accepted one may not.
    await setStatus(ev.id, 'REJECTED')
    expect((await statuses(leaderId).submit(points)).pointStatus).toBe('PENDING')
    await setStatus(ev.id, 'ACCEPTED')
    expect(await ruleOf(statuses(leaderId).submit(points))).toBe('accepted')
    expect(await ruleOf(statuses(leaderId).cancel(points))).toBe('status')
    // Another group's evaluation id under this group is not found.
    await expect(statuses(leaderId).submit({ ...points, groupId: other })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    // Not the current semester.
    await setStatus(ev.id, 'NOT_SUBMITTED')
    await setPeriod('SUBMISSION', '2027-2028/2')
    expect(await ruleOf(statuses(leaderId).submit(points))).toBe('not-current-semester')
  })

  it('an entry request with a KB or ÁB card lacking its justification is refused, naming the members', async () => {
    const { ref } = await freshEvaluation()
    const [a, b, c] = members as [number, number, number]
    await evaluations(leaderId).setEntryCard(
      { ...ref, membershipId: a, type: 'KB', justification: '' },
      'group',
    )
    await evaluations(leaderId).setEntryCard(
      { ...ref, membershipId: b, type: 'AB', justification: '   ' },
      'group',
    )
    await evaluations(leaderId).setEntryCard({ ...ref, membershipId: c, type: 'KDO' }, 'group')
    const error = await failure(statuses(leaderId).submit({ ...ref, request: 'entries' }))
    expect(error).toBeInstanceOf(MissingJustificationError)
    expect((error as MissingJustificationError).reason).toBe('justification-missing')
    expect((error as MissingJustificationError).membershipIds).toEqual([a, b].sort((x, y) => x - y))
    await evaluations(leaderId).setEntryCard(
      { ...ref, membershipId: a, type: 'KB', justification: 'Szervezett.' },
      'group',
    )
    await evaluations(leaderId).setEntryCard(
      { ...ref, membershipId: b, type: 'AB', justification: 'Vezetett.' },
      'group',
    )
    expect((await statuses(leaderId).submit({ ...ref, request: 'entries' })).entryStatus).toBe('PENDING')
    // The point request does not need them.
    const view = await evaluations(leaderId).open({ groupId: circle })
    expect(view.rows.find((r) => r.membershipId === a)?.entryCard).toEqual({
      type: 'KB',
      justification: 'Szervezett.',
    })
  })

  it('a card made KDO keeps no justification (the editor hides it; reviewers and histories must not see it)', async () => {
    const { ref } = await freshEvaluation()
    const [a] = members as [number]
    const card = { ...ref, membershipId: a, justification: 'Szervezett.' }
    await evaluations(leaderId).setEntryCard({ ...card, type: 'KB' }, 'group')
    expect(await evaluations(leaderId).setEntryCard({ ...card, type: 'KDO' }, 'group')).toEqual({
      membershipId: a,
      type: 'KDO',
      justification: '',
    })
    const view = await evaluations(leaderId).open({ groupId: circle })
    expect(view.rows.find((r) => r.membershipId === a)?.entryCard).toEqual({ type: 'KDO', justification: '' })
  })

  it('a submission notifies the resort leader of the group (not the council holding it on anything); a system message records it', async () => {
    const { ev, ref } = await freshEvaluation()
    const before = await t.db.notification.count({ where: { realmId: REALM, kind: 'EVALUATION_SUBMITTED' } })
    await statuses(leaderId).submit({ ...ref, request: 'points' })
    const sent = await t.db.notification.findMany({
      where: { realmId: REALM, kind: 'EVALUATION_SUBMITTED' },
      orderBy: { id: 'asc' },
    })
    expect(sent.length - before).toBe(1)
    expect(sent.at(-1)).toMatchObject({
      userId: resortLeaderId,
      params: {
        groupId: circle,
        evaluationId: ev.id,
        semester: CURRENT,
        pointFrom: 'NOT_SUBMITTED',
        pointTo: 'PENDING',
      },
    })
    const thread = await evaluations(leaderId).messages(ref)
    expect(thread.at(-1)).toMatchObject({
      system: true,
      body: 'point request: NOT_SUBMITTED → PENDING, entry request: NOT_SUBMITTED → NOT_SUBMITTED, reason: points submitted',
    })
  })
})

describe('judgement', () => {
  const judge = (
    mode: JudgeMode,
    ref: { groupId: number; evaluationId: number },
    to: { pointStatus?: RequestStatus; entryStatus?: RequestStatus },
  ) =>
    statuses(mode === 'accept' ? councilId : resortLeaderId).judge(
      { ...ref, ...to, explanation: 'Átnéztük.' },
      mode,
    )

  it('judge: in REVIEW anything but ACCEPTED, never an ACCEPTED request; accept: anything, in REVIEW', async () => {
    const { ev, ref } = await freshEvaluation()
    const outcome = (mode: JudgeMode, to: RequestStatus) => ruleOf(judge(mode, ref, { pointStatus: to }))
    for (const period of ['QUIET', 'SUBMISSION'] as const) {
      await setPeriod(period)
      await setStatus(ev.id, 'PENDING')
      expect(await outcome('judge', 'REJECTED')).toBe('period')
      expect(await outcome('accept', 'ACCEPTED')).toBe('period')
    }
    await setPeriod('REVIEW')
    for (const from of STATUSES)
      for (const to of STATUSES) {
        if (from === to) continue
        await setStatus(ev.id, from)
        const judged = await outcome('judge', to)
        expect({ from, to, judged }).toEqual({
          from,
          to,
          judged: from === 'ACCEPTED' || to === 'ACCEPTED' ? 'accepted' : 'OK',
        })
        await setStatus(ev.id, from)
        expect({ from, to, accepted: await outcome('accept', to) }).toEqual({ from, to, accepted: 'OK' })
      }
    await setStatus(ev.id, 'PENDING')
    expect(await ruleOf(judge('judge', ref, { pointStatus: 'PENDING' }))).toBe('unchanged')
    await expect(
      judge('judge', { ...ref, groupId: other }, { pointStatus: 'REJECTED' }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('each change writes the system message and notifies the group leader', async () => {
    const { ev, ref } = await freshEvaluation()
    await setStatus(ev.id, 'PENDING')
    await setPeriod('REVIEW')
    await statuses(resortLeaderId).judge(
      { ...ref, pointStatus: 'REJECTED', explanation: 'Hiányos.' },
      'judge',
    )
    await statuses(councilId).judge(
      { ...ref, pointStatus: 'ACCEPTED', entryStatus: 'ACCEPTED', explanation: 'Rendben.' },
      'accept',
    )
    const system = (await evaluations(leaderId).messages(ref)).filter((m) => m.system)
    expect(system.map((m) => [m.body, m.author?.id])).toEqual([
      [
        'point request: PENDING → REJECTED, entry request: PENDING → PENDING, reason: Hiányos.',
        resortLeaderId,
      ],
      ['point request: REJECTED → ACCEPTED, entry request: PENDING → ACCEPTED, reason: Rendben.', councilId],
    ])
    const told = await t.db.notification.findMany({
      where: { realmId: REALM, kind: 'EVALUATION_JUDGED', params: { path: ['evaluationId'], equals: ev.id } },
      orderBy: { id: 'asc' },
    })
    expect(
      told.map((n) => [
        n.userId,
        (n.params as Record<string, unknown>).pointTo,
        (n.params as Record<string, unknown>).reason,
      ]),
    ).toEqual([
      [leaderId, 'REJECTED', 'Hiányos.'],
      [leaderId, 'ACCEPTED', 'Rendben.'],
    ])
    // Nobody edits an accepted one, reviewers included.
    expect(
      await ruleOf(
        evaluations(resortLeaderId).setEntryCard(
          { ...ref, membershipId: members[0] as number, type: 'KDO' },
          'review',
        ),
      ),
    ).toBe('accepted')
  })

  it('anyone who sees the evaluation writes to its thread and to a cell’s comments', async () => {
    const { ref, work } = await freshEvaluation()
    await evaluations(resortLeaderId).postMessage({ ...ref, body: 'Miért ennyi?' })
    expect((await evaluations(leaderId).messages(ref)).at(-1)).toMatchObject({
      body: 'Miért ennyi?',
      system: false,
      author: { id: resortLeaderId },
    })
    const cell = { ...ref, principleId: work, membershipId: members[0] as number }
    await evaluations(resortLeaderId).postCellComment({ ...cell, body: 'Sok.' })
    expect((await evaluations(leaderId).cellComments(cell)).map((c) => c.body)).toEqual(['Sok.'])
    await expect(
      evaluations(leaderId).postCellComment({ ...cell, membershipId: otherGroupMember, body: 'x' }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('the table counts each cell’s comments; a deleted principle takes its threads', async () => {
    const { ref, work, resp } = await freshEvaluation()
    const [first, second] = members as [number, number]
    for (const body of ['Sok.', 'Miért?'])
      await evaluations(resortLeaderId).postCellComment({
        ...ref,
        principleId: work,
        membershipId: first,
        body,
      })
    await evaluations(leaderId).postCellComment({
      ...ref,
      principleId: resp,
      membershipId: second,
      body: 'Így.',
    })
    const commentsOf = async (membershipId: number) =>
      (await evaluations(leaderId).open({ groupId: circle })).rows.find(
        (r) => r.membershipId === membershipId,
      )?.comments
    expect(await commentsOf(first)).toEqual({ [work]: 2 })
    expect(await commentsOf(second)).toEqual({ [resp]: 1 })
    await evaluations(leaderId).deletePrinciple({ ...ref, principleId: work })
    expect(await commentsOf(first)).toEqual({})
    expect(await commentsOf(second)).toEqual({ [resp]: 1 })
  })
})

describe('what the accepted points feed', () => {
  it('the switch to QUIET stores community points from the ACCEPTED point requests only', async () => {
    const { ev, ref, work, resp } = await freshEvaluation()
    const [a, b] = members as [number, number]
    const set = (membershipId: number, principleId: number, value: number) =>
      evaluations(leaderId).setCell({ ...ref, principleId, membershipId, value, expected: 0 }, 'group')
    await set(a, work, 35)
    await set(a, resp, 10)
    await set(b, work, 4)
    // Another group's evaluation with points, never accepted: counts for nothing.
    const otherEv = await evaluations(leaderId).open({ groupId: other })
    const p = await evaluations(leaderId).createPrinciple({
      groupId: other,
      evaluationId: otherEv.id,
      name: 'x',
      category: 'WORK',
      maxPoints: 10,
    })
    await evaluations(leaderId).setCell(
      {
        groupId: other,
        evaluationId: otherEv.id,
        principleId: p.id,
        membershipId: otherGroupMember,
        value: 9,
        expected: 0,
      },
      'group',
    )
    await setStatus(ev.id, 'ACCEPTED', 'NOT_SUBMITTED')
    await setPeriod('REVIEW')
    await t.db.communityPoints.deleteMany({ where: { realmId: REALM } })
    await scope(councilId).resolve(SemesterService).setCurrent({ semester: CURRENT, period: 'QUIET' })
    const rows = await t.db.communityPoints.findMany({
      where: { realmId: REALM, semester: CURRENT },
      orderBy: { points: 'desc' },
    })
    const userOf = async (membershipId: number) =>
      (await t.db.membership.findFirstOrThrow({ where: { realmId: REALM, id: membershipId } })).userId
    // a: 30 (work capped) + 10 = 40; b: 4 → 5 (the minimum total); √(x²) = x.
    expect(rows.map((r) => [r.userId, r.points])).toEqual([
      [await userOf(a), 40],
      [await userOf(b), 5],
    ])
    expect(rows[0]?.groups).toEqual([{ groupId: circle, current: 40, previous: 0, total: 40 }])
  })

  it("a member's non-zero cell in the group's evaluations is what 'has points' means", async () => {
    const { ref, work } = await freshEvaluation()
    const [, , c] = members as [number, number, number]
    const member = await t.db.membership.findFirstOrThrow({ where: { realmId: REALM, id: c } })
    const hasPoints = () =>
      t.db.$transaction((tx) =>
        scope(leaderId)
          .resolve(MembershipPointsService)
          .hasPoints(tx as never, { groupId: circle, userId: member.userId }),
      )
    expect(await hasPoints()).toBe(false)
    await evaluations(leaderId).setCell(
      { ...ref, principleId: work, membershipId: c, value: 0, expected: 0 },
      'group',
    )
    expect(await hasPoints()).toBe(false)
    await evaluations(leaderId).setCell(
      { ...ref, principleId: work, membershipId: c, value: 2, expected: 0 },
      'group',
    )
    expect(await hasPoints()).toBe(true)
  })
})
