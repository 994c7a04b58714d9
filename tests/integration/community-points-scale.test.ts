// The switch to QUIET at a dormitory's scale (issue 8): community points for 35,000 members with
// accepted points. Reading the cells with their relations used to send every membership's id back
// as a query parameter, and past PostgreSQL's 65,535 parameters the recomputation failed — so the
// semester could not be closed. A realm of its own, so the hub's test files see none of its rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CommunityPointsService } from '~/domains/semester/community-points.service'
import type { RealmClient } from '~/server/db/client'
import { PRISMA } from '~/server/di/tokens'
import { createGroup, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'
import { setRealmPeriod } from '../support/semesters'

const REALM = `points-scale-${Date.now().toString(36)}`
const MEMBERS = 35_000
const SEMESTER = '2025-2026/2'
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await setRealmPeriod(t, 'QUIET', '2026-2027/1')
  const { id: groupId } = await createGroup(t.db, REALM)
  // In SQL: through createMany the rows alone would take minutes.
  const [first, last] = [1_000_001, 1_000_000 + MEMBERS]
  await t.db.$executeRaw`
    INSERT INTO "User" (id, "realmId", subject, "displayName", "updatedAt")
    SELECT i, ${REALM}, 'scale-' || i, 'Tag ' || i, now() FROM generate_series(${first}::int, ${last}::int) AS i`
  await t.db.$executeRaw`
    INSERT INTO "Membership" (id, "realmId", "groupId", "userId")
    SELECT i, ${REALM}, ${groupId}::int, i FROM generate_series(${first}::int, ${last}::int) AS i`
  const { id: evaluationId } = await t.db.evaluation.create({
    data: { realmId: REALM, groupId, semester: SEMESTER, pointStatus: 'ACCEPTED', entryStatus: 'ACCEPTED' },
  })
  const principle = (category: 'WORK' | 'RESPONSIBILITY', position: number) =>
    t.db.principle.create({
      data: { realmId: REALM, evaluationId, name: category, category, maxPoints: 30, position },
    })
  const [work, responsibility] = [await principle('WORK', 0), await principle('RESPONSIBILITY', 1)]
  // Work 12 for everyone, responsibility 4 for every other member.
  await t.db.$executeRaw`
    INSERT INTO "PointCell" ("realmId", "evaluationId", "principleId", "membershipId", value)
    SELECT ${REALM}, ${evaluationId}::int, ${work.id}::int, i, 12 FROM generate_series(${first}::int, ${last}::int) AS i
    UNION ALL
    SELECT ${REALM}, ${evaluationId}::int, ${responsibility.id}::int, i, 4 FROM generate_series(${first}::int, ${last}::int, 2) AS i`
}, 120_000)

describe('community points of a whole dormitory', () => {
  it('are recomputed for every member with accepted points, in one go', async () => {
    const stored = await t.app
      .resolve<RealmClient>(PRISMA)
      .$transaction((tx) => t.app.resolve(CommunityPointsService).recompute(tx, SEMESTER, 100), {
        timeout: 60_000,
      })
    expect(stored).toBe(MEMBERS)
    const byPoints = await t.db.communityPoints.groupBy({
      by: ['points'],
      where: { realmId: REALM, semester: SEMESTER },
      _count: { _all: true },
    })
    // ⌊√(16²)⌋ = 16 with both principles, ⌊√(12²)⌋ = 12 with work only.
    expect(byPoints.map((g) => [g.points, g._count._all]).sort()).toEqual([
      [12, MEMBERS / 2],
      [16, MEMBERS / 2],
    ])
  }, 120_000)
})
