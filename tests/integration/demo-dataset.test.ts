// The demo dataset `pnpm dev` and `pnpm db:seed` load (tests/factories/demo-dataset.ts), in a
// migrated database of its own, read through the app's services: past semesters tell a story —
// Kovács Anna's profile shows points and entry cards, Kir-Dev's history spans several semesters,
// groups that stopped evaluating are probably inactive, and the stored community points are what
// the formula gives — while the current semester is left empty for the people trying the demo.
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvaluationHistoryService } from '~/domains/evaluation/history.service'
import { GroupService } from '~/domains/group/group.service'
import { CommunityPointsService } from '~/domains/semester/community-points.service'
import { previousSemester, type SemesterId } from '~/domains/semester/semester-id'
import { type SemesterSettings, SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import type { RealmClient } from '~/server/db/client'
import { applyMigrations } from '~/server/db/migrations/runner'
import { PRISMA } from '~/server/di/tokens'
import type { DemoDatasetSummary } from '../factories/demo-dataset'
import { seedIfEmpty } from '../factories/seed'
import { createTestApp, type TestApp } from '../support/app'
import { createScratchDatabase, type ScratchDatabase } from '../support/database'

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))
const REALM = 'hub'

let scratch: ScratchDatabase | undefined
let t: TestApp
let summary: DemoDatasetSummary | null
let settings: SemesterSettings
/** The four semesters before the current one, newest first. */
let past: SemesterId[]

beforeAll(async () => {
  scratch = await createScratchDatabase()
  await applyMigrations({ databaseUrl: scratch.url, migrationsDir })
  t = createTestApp({ DATABASE_URL: scratch.url, REALM_ID: REALM })
  summary = await seedIfEmpty(t.db, REALM)
  settings = await t.app.resolve(SemesterSettingsService).current()
  past = [previousSemester(settings.semester)]
  while (past.length < 4) past.push(previousSemester(past.at(-1) ?? settings.semester))
})

afterAll(async () => {
  await t?.close()
  await scratch?.drop()
})

const userBySubject = (subject: string) =>
  t.db.user.findFirstOrThrow({ where: { realmId: REALM, subject }, select: { id: true, displayName: true } })
const KIR_DEV = 10

describe('the demo dataset', () => {
  it('loads once, and leaves the current semester without evaluations or community points', async () => {
    expect(summary).toMatchObject({ users: 2000, groups: 59 })
    expect(summary?.evaluations).toBeGreaterThan(150)
    expect(await seedIfEmpty(t.db, REALM)).toBeNull()
    // The hub starts where its migration put it.
    expect(settings).toMatchObject({ semester: '2026-2027/1', period: 'QUIET' })
    const where = { realmId: REALM, semester: settings.semester }
    expect(await t.db.evaluation.count({ where })).toBe(0)
    expect(await t.db.communityPoints.count({ where })).toBe(0)
    const semesters = await t.db.evaluation.groupBy({
      by: ['semester', 'pointStatus', 'entryStatus'],
      where: { realmId: REALM },
      _count: true,
    })
    expect(semesters.map((s) => [s.semester, s.pointStatus, s.entryStatus]).sort()).toEqual(
      [...past].sort().map((s) => [s, 'ACCEPTED', 'ACCEPTED']),
    )
  })

  it("keeps points within each principle's maximum and justifies every colored card", async () => {
    const [over] = await t.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "PointCell" c
      JOIN "Principle" p ON p."id" = c."principleId" AND p."realmId" = c."realmId"
      WHERE c."realmId" = ${REALM} AND (c."value" > p."maxPoints" OR c."value" < 0)`
    expect(over?.count).toBe(0n)
    const cards = await t.db.entryCard.groupBy({ by: ['type'], where: { realmId: REALM }, _count: true })
    const count = (type: string) => cards.find((c) => c.type === type)?._count ?? 0
    // Mostly KDO, a few colored ones.
    expect(count('KB')).toBeGreaterThan(0)
    expect(count('KDO')).toBeGreaterThan(10 * (count('KB') + count('AB')))
    expect(
      await t.db.entryCard.count({
        where: { realmId: REALM, type: { in: ['KB', 'AB'] }, justification: '' },
      }),
    ).toBe(0)
    const principles = await t.db.principle.groupBy({
      by: ['category'],
      where: { realmId: REALM },
      _count: true,
    })
    expect(principles.map((p) => p.category).sort()).toEqual(['RESPONSIBILITY', 'WORK'])
  })

  it("shows Kovács Anna's points and entry cards of past semesters on her profile", async () => {
    const anna = await userBySubject('demo-anna')
    const history = await t.app.resolve(EvaluationHistoryService).ofUser({ userId: anna.id })
    expect(history.semesters.map((s) => s.semester)).toEqual(past)
    const [abroad, ...before] = history.semesters
    for (const semester of before) {
      const kirDev = semester.groups.find((g) => g.groupId === KIR_DEV)
      expect(kirDev?.points, semester.semester).toBeGreaterThan(0)
      expect(kirDev?.entryCard, semester.semester).not.toBeNull()
      expect(semester.communityPoints?.points, semester.semester).toBeGreaterThan(0)
    }
    // Two semesters ago Kir-Dev gave her a KB card, with its reason.
    expect(before[0]?.groups.find((g) => g.groupId === KIR_DEV)?.entryCard).toEqual({
      type: 'KB',
      justification: expect.stringContaining('tanfolyam'),
    })
    // Abroad last semester: no points anywhere, only the community points carried over from before.
    expect(abroad?.groups).toEqual([])
    expect(abroad?.communityPoints?.groups.every((g) => g.current === 0 && g.previous > 0)).toBe(true)
  })

  it("gives Kir-Dev a history of several semesters, its leader's points among them", async () => {
    const bence = await userBySubject('demo-bence')
    const service = t.app.resolve(EvaluationHistoryService)
    const newest = await service.ofGroup({ groupId: KIR_DEV })
    expect(newest.semesters).toEqual(past)
    expect(newest).toMatchObject({ semester: past[0], pointsAccepted: true, entriesAccepted: true })
    for (const semester of past) {
      const history = await service.ofGroup({ groupId: KIR_DEV, semester })
      expect(history.members.length, semester).toBeGreaterThan(10)
      for (const member of history.members) {
        expect(member.points).toBeGreaterThan(0)
        expect(member.points).toBeLessThanOrEqual(settings.caps.total)
        expect(member.entryCard).not.toBeNull()
      }
      expect(history.members.find((m) => m.userId === bence.id)?.points, semester).toBeGreaterThan(0)
    }
  })

  it('marks the groups that stopped evaluating as probably inactive, and no others', async () => {
    const groups = await t.app.resolve(GroupService).list({ status: 'active', filter: '' })
    const flagged = groups.filter((g) => g.probablyInactive)
    expect(flagged.length).toBeGreaterThanOrEqual(2)
    expect(flagged.length).toBeLessThan(groups.length / 4)
    expect(flagged.map((g) => g.id)).not.toContain(KIR_DEV)
    const evaluated = await t.db.evaluation.findMany({
      where: { realmId: REALM, groupId: { in: flagged.map((g) => g.id) } },
      select: { groupId: true, semester: true },
    })
    for (const group of flagged) {
      // They did evaluate once: they fell asleep in the last two semesters.
      const semesters = evaluated.filter((e) => e.groupId === group.id).map((e) => e.semester)
      expect(semesters.length, group.name).toBeGreaterThan(0)
      expect(semesters, group.name).not.toContain(past[0])
      expect(semesters, group.name).not.toContain(past[1])
    }
  })

  it("stores the community points the formula gives: Anna's by hand, everyone's as the app recomputes them", async () => {
    const anna = await userBySubject('demo-anna')
    const history = await t.app.resolve(EvaluationHistoryService).ofUser({ userId: anna.id })
    const pointsIn = (semester: SemesterId, groupId: number) =>
      history.semesters.find((s) => s.semester === semester)?.groups.find((g) => g.groupId === groupId)
        ?.points ?? 0
    for (const semester of past) {
      const groupIds = new Set(
        [semester, previousSemester(semester)].flatMap(
          (s) => history.semesters.find((h) => h.semester === s)?.groups.map((g) => g.groupId) ?? [],
        ),
      )
      let squares = 0
      for (const groupId of groupIds) {
        const total = pointsIn(semester, groupId) + pointsIn(previousSemester(semester), groupId)
        squares += total * total
      }
      const stored = history.semesters.find((s) => s.semester === semester)?.communityPoints?.points
      expect(stored, semester).toBe(Math.min(Math.floor(Math.sqrt(squares)), settings.communityPointsCap))
    }

    const stored = (semester: SemesterId) =>
      t.db.communityPoints.findMany({
        where: { realmId: REALM, semester },
        select: { userId: true, points: true, groups: true },
        orderBy: { userId: 'asc' },
      })
    const recompute = t.app.resolve(CommunityPointsService)
    for (const semester of past) {
      const seeded = await stored(semester)
      expect(seeded.length, semester).toBeGreaterThan(500)
      await t.app
        .resolve<RealmClient>(PRISMA)
        .$transaction((tx) => recompute.recompute(tx, semester, settings.communityPointsCap))
      expect(await stored(semester), semester).toEqual(seeded)
    }
  })
})
