// The accepted results a profile and a group's history show, through tRPC in a realm of their own:
// points only from ACCEPTED point requests (after the caps), cards only from ACCEPTED entry requests
// (the council's card when final), community points per semester; and who may read them — a user's
// own history for the owner and full-profile holders only, a group's for group:view-history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
import { callerAs, codeOf } from '../support/trpc'

const stamp = Date.now().toString(36)
const REALM = `eval-history-${stamp}`
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

const PAST = '2025-2026/2'
const CURRENT = '2026-2027/1'
type Api = Awaited<ReturnType<typeof callerAs>>
const api: Record<'owner' | 'fellow' | 'admin' | 'historian' | 'anonymous', Api> = {} as never
let ownerId: number
let g1: number
let g2: number
const ms = { ownerG1: 0, ownerG2: 0, fellowG1: 0 }

async function evaluation(
  groupId: number,
  semester: string,
  pointStatus: RequestStatus,
  entryStatus: RequestStatus,
) {
  const ev = await t.db.evaluation.create({
    data: { realmId: REALM, groupId, semester, pointStatus, entryStatus },
  })
  const principle = async (category: 'WORK' | 'RESPONSIBILITY') =>
    (
      await t.db.principle.create({
        data: { realmId: REALM, evaluationId: ev.id, name: category, category, maxPoints: 50 },
      })
    ).id
  return { id: ev.id, work: await principle('WORK'), responsibility: await principle('RESPONSIBILITY') }
}
async function cell(evaluationId: number, principleId: number, membershipId: number, value: number) {
  await t.db.pointCell.create({ data: { realmId: REALM, evaluationId, principleId, membershipId, value } })
}
async function card(
  evaluationId: number,
  membershipId: number,
  type: EntryType,
  justification: string,
  final?: { type: EntryType; justification: string },
) {
  await t.db.entryCard.create({
    data: {
      realmId: REALM,
      evaluationId,
      membershipId,
      type,
      justification,
      ...(final ? { finalType: final.type, finalJustification: final.justification, final: true } : {}),
    },
  })
}

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await ensureSharedPostTypes(t.db, REALM)
  await t.db.policy.create({ data: { realmId: REALM, name: ROOT_POLICY } })
  g1 = (await createGroup(t.db, REALM, { name: `Első kör ${stamp}` })).id
  g2 = (await createGroup(t.db, REALM, { name: `Második kör ${stamp}` })).id
  const owner = await createMember(t.db, REALM, { groupId: g1, history: ['ACTIVE'], familyName: 'A Tulaj' })
  ownerId = owner.user.id
  ms.ownerG1 = owner.membership.id
  ms.ownerG2 = (await t.db.membership.create({ data: { realmId: REALM, groupId: g2, userId: ownerId } })).id
  const fellow = await createMember(t.db, REALM, { groupId: g1, history: ['ACTIVE'], familyName: 'B Társ' })
  ms.fellowG1 = fellow.membership.id
  await t.db.semesterSettings.create({ data: { realmId: REALM, semester: CURRENT, period: 'QUIET' } })

  // Past semester, first group: both requests accepted. 35 work is capped to 30 (+5 responsibility);
  // the fellow's 2 points become 0. The owner's KB card was made ÁB by the council; the fellow has no
  // card row, which is KDO (the editor saves only the cards it changes).
  const a = await evaluation(g1, PAST, 'ACCEPTED', 'ACCEPTED')
  await cell(a.id, a.work, ms.ownerG1, 35)
  await cell(a.id, a.responsibility, ms.ownerG1, 5)
  await cell(a.id, a.work, ms.fellowG1, 2)
  await card(a.id, ms.ownerG1, 'KB', 'A kör szerint', { type: 'AB', justification: 'Az RVT szerint' })
  // Past semester, second group: points accepted, entry request rejected (its card is not shown).
  const b = await evaluation(g2, PAST, 'ACCEPTED', 'REJECTED')
  await cell(b.id, b.work, ms.ownerG2, 10)
  await card(b.id, ms.ownerG2, 'KB', 'Elutasított kérelem')
  // The current semester: still pending, so nothing of it is shown.
  const c = await evaluation(g1, CURRENT, 'PENDING', 'PENDING')
  await cell(c.id, c.work, ms.ownerG1, 20)
  await t.db.communityPoints.create({
    data: {
      realmId: REALM,
      userId: ownerId,
      semester: PAST,
      points: 40,
      groups: [
        { groupId: g1, current: 35, previous: 0, total: 35 },
        { groupId: g2, current: 10, previous: 0, total: 10 },
      ],
    },
  })

  const admin = (await createUser(t.db, REALM)).id
  await grantScopes(t.db, admin, ['user:view-profile'], REALM)
  const historian = (await createUser(t.db, REALM)).id
  await grantScopes(t.db, historian, ['group:view-history'], REALM)
  // The owner sees their own profile through a SELF statement, as the baseline policy grants it.
  const baseline = await t.db.policy.create({ data: { realmId: REALM, name: `baseline ${stamp}` } })
  await t.db.policyStatement.create({
    data: { realmId: REALM, policyId: baseline.id, scope: 'user:view-profile', targetKind: 'SELF' },
  })
  for (const userId of [ownerId, fellow.user.id])
    await t.db.policyAssignment.create({ data: { realmId: REALM, policyId: baseline.id, userId } })
  api.owner = await callerAs(t, ownerId, 'history-test')
  api.fellow = await callerAs(t, fellow.user.id, 'history-test')
  api.admin = await callerAs(t, admin, 'history-test')
  api.historian = await callerAs(t, historian, 'history-test')
  api.anonymous = await callerAs(t, null, 'history-test')
})

describe("a user's history", () => {
  it('is for the owner and full-profile holders; not for another member, not for anonymous visitors', async () => {
    expect(await codeOf(api.owner.history.ofUser({ userId: ownerId }))).toBe('OK')
    expect(await codeOf(api.admin.history.ofUser({ userId: ownerId }))).toBe('OK')
    expect(await codeOf(api.fellow.history.ofUser({ userId: ownerId }))).toBe('FORBIDDEN')
    expect(await codeOf(api.historian.history.ofUser({ userId: ownerId }))).toBe('FORBIDDEN')
    expect(await codeOf(api.anonymous.history.ofUser({ userId: ownerId }))).toBe('UNAUTHORIZED')
  })

  it('shows accepted points and cards per semester and group, and the community points', async () => {
    const history = await api.owner.history.ofUser({ userId: ownerId })
    expect(history.semesters).toEqual([
      {
        semester: PAST,
        communityPoints: {
          points: 40,
          groups: [
            { groupId: g1, groupName: `Első kör ${stamp}`, current: 35, previous: 0, total: 35 },
            { groupId: g2, groupName: `Második kör ${stamp}`, current: 10, previous: 0, total: 10 },
          ],
        },
        groups: [
          {
            groupId: g1,
            groupName: `Első kör ${stamp}`,
            points: 35,
            entryCard: { type: 'AB', justification: 'Az RVT szerint' },
          },
          { groupId: g2, groupName: `Második kör ${stamp}`, points: 10, entryCard: null },
        ],
      },
    ])
  })
})

describe("a group's history", () => {
  it('is for group:view-history holders', async () => {
    expect(await codeOf(api.historian.history.ofGroup({ groupId: g1 }))).toBe('OK')
    expect(await codeOf(api.fellow.history.ofGroup({ groupId: g1 }))).toBe('FORBIDDEN')
    expect(await codeOf(api.anonymous.history.ofGroup({ groupId: g1 }))).toBe('UNAUTHORIZED')
  })

  it("shows each member's accepted points and card; a semester without an accepted request is a 404", async () => {
    const history = await api.historian.history.ofGroup({ groupId: g1 })
    expect(history).toMatchObject({
      semesters: [PAST],
      semester: PAST,
      pointsAccepted: true,
      entriesAccepted: true,
    })
    expect(
      history.members.map(({ membershipId, points, entryCard }) => ({ membershipId, points, entryCard })),
    ).toEqual([
      { membershipId: ms.ownerG1, points: 35, entryCard: { type: 'AB', justification: 'Az RVT szerint' } },
      { membershipId: ms.fellowG1, points: 0, entryCard: { type: 'KDO', justification: '' } },
    ])
    // The legacy semester id is accepted too.
    const second = await api.historian.history.ofGroup({ groupId: g2, semester: '202520262' })
    expect(second).toMatchObject({ semester: PAST, pointsAccepted: true, entriesAccepted: false })
    expect(second.members.map((m) => [m.membershipId, m.points, m.entryCard])).toEqual([
      [ms.ownerG2, 10, null],
    ])
    expect(await codeOf(api.historian.history.ofGroup({ groupId: g1, semester: CURRENT }))).toBe('NOT_FOUND')
  })
})
