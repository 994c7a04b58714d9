// The semester service on a real PostgreSQL, in a realm of its own (the hub's settings row is shared
// by every test file): switching now and scheduled, in order and exactly once under concurrency,
// cancels racing the scheduler, the caps, community points recomputed on the switch to QUIET in the
// switch's transaction, and the realm boundary.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ACCEPTED_POINTS_SOURCE, type AcceptedPointsSource } from '~/domains/semester/accepted-points'
import type { AcceptedPoints } from '~/domains/semester/community-points'
import { CommunityPointsService } from '~/domains/semester/community-points.service'
import type { Period } from '~/domains/semester/semester.schema'
import { SemesterService, SwitchNotScheduledError } from '~/domains/semester/semester.service'
import type { SemesterId } from '~/domains/semester/semester-id'
import { semesterScheduler } from '~/domains/semester/semester-scheduler'
import {
  SEMESTER_SWITCH_HOOKS,
  type SemesterChange,
  type SemesterSwitchHook,
} from '~/domains/semester/switch-hooks'
import { requestContainer } from '~/server/di/request-scope'
import { CLOCK, type Clock } from '~/server/di/tokens'
import { NotFoundError, ValidationError } from '~/server/errors'
import { createUser, ensureRealm } from '../factories/records'
import { createTestApp, reconfigured } from '../support/app'
import { DEFAULT_CAPS, DEFAULT_CAPS_INPUT } from '../support/semesters'

const stamp = Date.now().toString(36)
const REALM = `sem-${stamp}`
const OTHER = `sem-other-${stamp}`
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

const HOUR = 3_600_000
/** 1 December 2026, noon in Budapest: in 2026-2027/1. */
const START = new Date('2026-12-01T11:00:00Z')

class MovableClock implements Clock {
  constructor(public at: Date) {}
  now() {
    return new Date(this.at)
  }
  advance(ms: number) {
    this.at = new Date(this.at.getTime() + ms)
  }
}

/** Records every switch a hook sees, in order. */
class RecordingHook implements SemesterSwitchHook {
  readonly seen: string[] = []
  async afterSwitch(_tx: unknown, change: SemesterChange) {
    this.seen.push(
      `${change.from.semester} ${change.from.period} → ${change.to.semester} ${change.to.period}`,
    )
  }
}

/** Accepted points handed to the recomputation, and the semesters it asked for. */
class FixedSource implements AcceptedPointsSource {
  asked: SemesterId[][] = []
  constructor(public rows: AcceptedPoints[] = []) {}
  async acceptedPoints(_tx: unknown, semesters: readonly SemesterId[]) {
    this.asked.push([...semesters])
    return this.rows.filter((r) => semesters.includes(r.semester))
  }
}

let clock: MovableClock
let adminId: number
let source: FixedSource

interface Wiring {
  /** Hooks after the community points hook, in order. */
  hooks?: SemesterSwitchHook[]
  app?: typeof t
}

/** The service as the council leader calls it, with this test's clock and accepted points. */
function semesters({ hooks = [], app = t }: Wiring = {}) {
  const scope = app.app.createChildContainer()
  scope.register(CLOCK, { useValue: clock })
  scope.register(ACCEPTED_POINTS_SOURCE, { useValue: source })
  if (hooks.length) {
    scope.register(SEMESTER_SWITCH_HOOKS, { useToken: CommunityPointsService })
    for (const hook of hooks) scope.register(SEMESTER_SWITCH_HOOKS, { useValue: hook })
  }
  return requestContainer(
    scope,
    { kind: 'user', userId: adminId, sessionId: 'test' },
    'semester-test',
  ).resolve(SemesterService)
}

const settingsRow = () => t.db.semesterSettings.findUniqueOrThrow({ where: { realmId: REALM } })
const pointsRows = (semester: SemesterId) =>
  t.db.communityPoints.findMany({ where: { realmId: REALM, semester }, orderBy: { userId: 'asc' } })

async function failure(call: Promise<unknown>) {
  return call.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error,
  )
}

async function fieldsOf(call: Promise<unknown>) {
  const error = await failure(call)
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).fields
}

/** Makes the realm's state exactly this, directly (no hooks), for a test's starting point. */
async function startAt(semester: SemesterId, period: Period) {
  await semesters().state()
  await t.db.semesterSettings.update({ where: { realmId: REALM }, data: { semester, period } })
}

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await ensureRealm(t.db, OTHER)
  adminId = (await createUser(t.db, REALM, { familyName: 'RVT-elnök' })).id
})

beforeEach(async () => {
  clock = new MovableClock(START)
  source = new FixedSource()
  // Each test plans its own switches.
  await t.db.semesterSwitch.updateMany({
    where: { realmId: REALM, status: 'SCHEDULED' },
    data: { status: 'CANCELLED' },
  })
})

describe('the current semester', () => {
  it('starts a realm without settings in the calendar semester, QUIET, with the stored default caps', async () => {
    expect(await semesters().state()).toEqual({
      semester: '2026-2027/1',
      legacySemester: '202620271',
      period: 'QUIET',
      caps: DEFAULT_CAPS,
      communityPointsCap: DEFAULT_CAPS_INPUT.communityPointsCap,
      upcoming: [],
    })
  })

  it('is seeded for the hub by the migration, with the same defaults', async () => {
    const hub = await t.db.semesterSettings.findUniqueOrThrow({ where: { realmId: 'hub' } })
    expect(hub).toMatchObject({
      semester: '2026-2027/1',
      workCap: DEFAULT_CAPS.work,
      responsibilityCap: DEFAULT_CAPS.responsibility,
      totalCap: DEFAULT_CAPS.total,
      zeroTotalsUpTo: DEFAULT_CAPS.zeroTotalsUpTo,
      minimumTotal: DEFAULT_CAPS.minimumTotal,
      communityPointsCap: DEFAULT_CAPS_INPUT.communityPointsCap,
    })
  })

  it('switches now, taking the legacy form, and logs the switch with what it replaced', async () => {
    await startAt('2026-2027/1', 'QUIET')
    const state = await semesters().setCurrent({ semester: '202620272', period: 'SUBMISSION' })
    expect(state).toMatchObject({
      semester: '2026-2027/2',
      legacySemester: '202620272',
      period: 'SUBMISSION',
    })
    const { past } = await semesters().log()
    expect(past[0]).toMatchObject({
      status: 'DONE',
      at: START,
      doneAt: START,
      semester: '2026-2027/2',
      period: 'SUBMISSION',
      from: { semester: '2026-2027/1', period: 'QUIET' },
      createdBy: { id: adminId, name: expect.stringContaining('RVT-elnök') },
      cancelledBy: null,
    })
    expect((await settingsRow()).updatedById).toBe(adminId)
  })

  it('refuses a bad semester id or period with a message per field, changing nothing', async () => {
    await startAt('2026-2027/1', 'QUIET')
    for (const semester of ['2026-2028/1', '202620273', '2026/27 ősz', '', '1989-1990/1'])
      expect(await fieldsOf(semesters().setCurrent({ semester, period: 'QUIET' }))).toEqual({
        semester: ['semesterId'],
      })
    expect(
      await fieldsOf(semesters().setCurrent({ semester: '2026-2027/1', period: 'WINTER' as Period })),
    ).toEqual({ period: ['invalid'] })
    expect(await settingsRow()).toMatchObject({ semester: '2026-2027/1', period: 'QUIET' })
  })
})

describe('scheduled switches', () => {
  it('are listed soonest first, in the state anyone sees and in the log', async () => {
    const late = await semesters().schedule({
      at: new Date(START.getTime() + 48 * HOUR),
      semester: '2026-2027/1',
      period: 'REVIEW',
    })
    const soon = await semesters().schedule({
      at: '2026-12-02T00:00:00+01:00',
      semester: '202620271',
      period: 'SUBMISSION',
    })
    expect(soon).toEqual({
      id: expect.any(Number),
      at: new Date('2026-12-01T23:00:00Z'),
      semester: '2026-2027/1',
      period: 'SUBMISSION',
    })
    expect((await semesters().state()).upcoming).toEqual([soon, late])
    const { upcoming } = await semesters().log()
    expect(upcoming.map((s) => [s.id, s.status, s.createdBy?.id])).toEqual([
      [soon.id, 'SCHEDULED', adminId],
      [late.id, 'SCHEDULED', adminId],
    ])
  })

  it('must lie in the future, at most two years ahead, and name a real semester', async () => {
    const plan = (at: Date | string, semester = '2026-2027/2') =>
      semesters().schedule({ at, semester, period: 'SUBMISSION' })
    expect(await fieldsOf(plan(START))).toEqual({ at: ['notInFuture'] })
    expect(await fieldsOf(plan(new Date(START.getTime() - 1)))).toEqual({ at: ['notInFuture'] })
    expect(await fieldsOf(plan(new Date(START.getTime() + 731 * 24 * HOUR)))).toEqual({ at: ['tooFarAhead'] })
    expect(await fieldsOf(plan('next monday'))).toEqual({ at: ['invalid'] })
    expect(await fieldsOf(plan('2026-12-24T10:00:00'))).toEqual({ at: ['invalid'] }) // no offset: ambiguous
    expect(await fieldsOf(plan(new Date(START.getTime() + HOUR), '2026-2027/3'))).toEqual({
      semester: ['semesterId'],
    })
    await plan(new Date(START.getTime() + 730 * 24 * HOUR))
  })

  it('can be cancelled once; a done or cancelled one is a 409 naming its status, an unknown one a 404', async () => {
    await startAt('2026-2027/1', 'QUIET')
    const planned = await semesters().schedule({
      at: new Date(START.getTime() + HOUR),
      semester: '2026-2027/1',
      period: 'SUBMISSION',
    })
    await semesters().cancel({ switchId: planned.id })
    expect((await semesters().state()).upcoming).toEqual([])
    const again = await failure(semesters().cancel({ switchId: planned.id }))
    expect(again).toBeInstanceOf(SwitchNotScheduledError)
    expect((again as SwitchNotScheduledError).status).toBe('CANCELLED')
    const { past } = await semesters().log()
    expect(past.find((s) => s.id === planned.id)).toMatchObject({
      status: 'CANCELLED',
      cancelledAt: START,
      cancelledBy: { id: adminId },
      doneAt: null,
    })
    // A cancelled switch is never applied.
    clock.advance(2 * HOUR)
    expect((await semesters().applyDueSwitches()).applied).toBe(0)
    expect((await settingsRow()).period).toBe('QUIET')

    const done = (await semesters().log()).past.find((s) => s.status === 'DONE')
    if (!done) throw new Error('no done switch in the log')
    expect(
      ((await failure(semesters().cancel({ switchId: done.id }))) as SwitchNotScheduledError).status,
    ).toBe('DONE')
    expect(await failure(semesters().cancel({ switchId: 2_000_000_000 }))).toBeInstanceOf(NotFoundError)
  })

  it('are applied when due, in order of time and then of scheduling, each with its hooks', async () => {
    await startAt('2026-2027/1', 'QUIET')
    const recorder = new RecordingHook()
    const at = (hours: number) => new Date(START.getTime() + hours * HOUR)
    const plan = (hours: number, semester: SemesterId, period: Period) =>
      semesters().schedule({ at: at(hours), semester, period })
    // Scheduled out of order; the two at 2h apply in the order they were scheduled.
    await plan(3, '2026-2027/1', 'QUIET')
    await plan(1, '2026-2027/1', 'SUBMISSION')
    await plan(2, '2026-2027/1', 'REVIEW')
    await plan(2, '2026-2027/2', 'REVIEW')
    const later = await plan(5, '2026-2027/2', 'SUBMISSION')

    expect(await semesters({ hooks: [recorder] }).applyDueSwitches()).toEqual({ applied: 0, nextAt: at(1) })
    clock.advance(3.5 * HOUR)
    expect(await semesters({ hooks: [recorder] }).applyDueSwitches()).toEqual({
      applied: 4,
      nextAt: later.at,
    })
    expect(recorder.seen).toEqual([
      '2026-2027/1 QUIET → 2026-2027/1 SUBMISSION',
      '2026-2027/1 SUBMISSION → 2026-2027/1 REVIEW',
      '2026-2027/1 REVIEW → 2026-2027/2 REVIEW',
      '2026-2027/2 REVIEW → 2026-2027/1 QUIET',
    ])
    expect(await settingsRow()).toMatchObject({
      semester: '2026-2027/1',
      period: 'QUIET',
      updatedById: adminId,
    })
    const state = await semesters().state()
    expect(state.upcoming.map((s) => s.id)).toEqual([later.id])
    // Done switches keep their planned time and record when they were applied.
    const { past } = await semesters().log()
    expect(
      past
        .filter((s) => s.status === 'DONE')
        .slice(0, 4)
        .map((s) => [s.at, s.doneAt]),
    ).toEqual([
      [at(3), clock.now()],
      [at(2), clock.now()],
      [at(2), clock.now()],
      [at(1), clock.now()],
    ])
    expect(await semesters({ hooks: [recorder] }).applyDueSwitches()).toEqual({
      applied: 0,
      nextAt: later.at,
    })
    expect(recorder.seen).toHaveLength(4)
  })
})

describe('exactly once', () => {
  it('two concurrent appliers apply every due switch once, in order', async () => {
    for (let round = 0; round < 5; round++) {
      await startAt('2026-2027/1', 'QUIET')
      clock = new MovableClock(START)
      const periods: Period[] = ['SUBMISSION', 'REVIEW', 'SUBMISSION', 'REVIEW', 'QUIET']
      const planned = []
      for (const [i, period] of periods.entries())
        planned.push(
          await semesters().schedule({
            at: new Date(START.getTime() + (i + 1) * 60_000),
            semester: '2026-2027/1',
            period,
          }),
        )
      clock.advance(HOUR)
      const recorder = new RecordingHook()
      const results = await Promise.all([
        semesters({ hooks: [recorder] }).applyDueSwitches(),
        semesters({ hooks: [recorder] }).applyDueSwitches(),
      ])
      expect(results.map((r) => r.applied).sort()).toEqual([0, periods.length])
      expect(recorder.seen).toEqual([
        '2026-2027/1 QUIET → 2026-2027/1 SUBMISSION',
        '2026-2027/1 SUBMISSION → 2026-2027/1 REVIEW',
        '2026-2027/1 REVIEW → 2026-2027/1 SUBMISSION',
        '2026-2027/1 SUBMISSION → 2026-2027/1 REVIEW',
        '2026-2027/1 REVIEW → 2026-2027/1 QUIET',
      ])
      const rows = await t.db.semesterSwitch.findMany({
        where: { realmId: REALM, id: { in: planned.map((p) => p.id) } },
        orderBy: { id: 'asc' },
      })
      expect(rows.map((r) => [r.status, r.fromPeriod])).toEqual([
        ['DONE', 'QUIET'],
        ['DONE', 'SUBMISSION'],
        ['DONE', 'REVIEW'],
        ['DONE', 'SUBMISSION'],
        ['DONE', 'REVIEW'],
      ])
    }
  })

  it('a cancel racing the applier either wins (never applied) or loses with a 409 (applied once)', async () => {
    const outcomes = new Set<string>()
    for (let round = 0; round < 8; round++) {
      await startAt('2026-2027/1', 'QUIET')
      clock = new MovableClock(START)
      const planned = await semesters().schedule({
        at: new Date(START.getTime() + 60_000),
        semester: '2026-2027/1',
        period: 'SUBMISSION',
      })
      clock.advance(HOUR)
      const recorder = new RecordingHook()
      const [applied, cancelled] = await Promise.allSettled([
        semesters({ hooks: [recorder] }).applyDueSwitches(),
        semesters().cancel({ switchId: planned.id }),
      ])
      expect(applied.status).toBe('fulfilled')
      const row = await t.db.semesterSwitch.findUniqueOrThrow({
        where: { id_realmId: { id: planned.id, realmId: REALM } },
      })
      if (cancelled.status === 'fulfilled') {
        expect(row.status).toBe('CANCELLED')
        expect(recorder.seen).toEqual([])
        expect((await settingsRow()).period).toBe('QUIET')
      } else {
        expect(cancelled.reason).toBeInstanceOf(SwitchNotScheduledError)
        expect(row.status).toBe('DONE')
        expect(recorder.seen).toHaveLength(1)
        expect((await settingsRow()).period).toBe('SUBMISSION')
      }
      outcomes.add(row.status)
    }
    expect(outcomes.size).toBeGreaterThan(0)
  })
})

describe('community points', () => {
  const S: SemesterId = '2026-2027/1'
  const P: SemesterId = '2025-2026/2'
  let users: number[] = []
  const accepted = (u: number, groupId: number, semester: SemesterId, points: number): AcceptedPoints => ({
    userId: users[u] ?? 0,
    groupId,
    semester,
    points,
  })

  beforeAll(async () => {
    users = []
    for (let i = 0; i < 4; i++) users.push((await createUser(t.db, REALM)).id)
  })

  it('are recomputed when the period switches to QUIET, from the semester and the one before', async () => {
    await startAt(S, 'REVIEW')
    source.rows = [
      accepted(0, 10, S, 30),
      accepted(0, 10, P, 20), // one group over two semesters: 50
      accepted(1, 10, S, 30),
      accepted(1, 11, S, 40), // two groups: 50
      accepted(2, 12, '2025-2026/1', 50), // too old: nothing
    ]
    await semesters().setCurrent({ semester: S, period: 'QUIET' })
    expect(source.asked).toEqual([[S, P]])
    const rows = await pointsRows(S)
    expect(rows.map((r) => [r.userId, r.points, r.groups])).toEqual([
      [users[0], 50, [{ groupId: 10, current: 30, previous: 20, total: 50 }]],
      [
        users[1],
        50,
        [
          { groupId: 10, current: 30, previous: 0, total: 30 },
          { groupId: 11, current: 40, previous: 0, total: 40 },
        ],
      ],
    ])
    expect(rows.every((r) => r.computedAt.getTime() === START.getTime())).toBe(true)
  })

  it("replace the semester's earlier results on the next switch to QUIET, capped by the stored cap", async () => {
    await startAt(S, 'REVIEW')
    source.rows = [
      accepted(0, 10, S, 5),
      accepted(2, 10, S, 50),
      accepted(2, 11, S, 50),
      accepted(2, 12, S, 50),
    ]
    await semesters().setCurrent({ semester: S, period: 'QUIET' })
    expect((await pointsRows(S)).map((r) => [r.userId, r.points])).toEqual([
      [users[0], 5],
      [users[2], 86], // √(3 · 50²) ≈ 86.6
    ])
    await semesters().updateCaps({ ...DEFAULT_CAPS_INPUT, communityPointsCap: 60 })
    await semesters().setCurrent({ semester: S, period: 'REVIEW' })
    await semesters().setCurrent({ semester: S, period: 'QUIET' })
    expect((await pointsRows(S)).map((r) => [r.userId, r.points])).toEqual([
      [users[0], 5],
      [users[2], 60],
    ])
    await semesters().updateCaps(DEFAULT_CAPS_INPUT)
  })

  it('close the semester that is left when one switch also moves on; QUIET to QUIET recomputes nothing', async () => {
    await startAt(S, 'REVIEW')
    source.rows = [accepted(3, 10, S, 20), accepted(3, 10, '2026-2027/2', 40)]
    await semesters().setCurrent({ semester: '2026-2027/2', period: 'QUIET' })
    expect(source.asked).toEqual([[S, P]])
    expect((await pointsRows(S)).map((r) => [r.userId, r.points])).toEqual([[users[3], 20]])
    expect(await pointsRows('2026-2027/2')).toEqual([])
    // A new semester while quiet closes no evaluation.
    await semesters().setCurrent({ semester: '2027-2028/1', period: 'QUIET' })
    expect(source.asked).toHaveLength(1)
    // Neither does opening one.
    await semesters().setCurrent({ semester: '2027-2028/1', period: 'SUBMISSION' })
    expect(source.asked).toHaveLength(1)
  })

  it('are recomputed by a scheduled switch to QUIET too', async () => {
    await startAt(S, 'REVIEW')
    source.rows = [accepted(1, 10, S, 7)]
    await semesters().schedule({ at: new Date(START.getTime() + HOUR), semester: S, period: 'QUIET' })
    clock.advance(2 * HOUR)
    await semesters().applyDueSwitches()
    expect((await pointsRows(S)).map((r) => [r.userId, r.points])).toEqual([[users[1], 7]])
  })

  it('and the switch land together or not at all: a failing hook undoes both', async () => {
    await startAt(S, 'REVIEW')
    const before = await pointsRows(S)
    source.rows = [accepted(0, 10, S, 44)]
    const failing: SemesterSwitchHook = {
      afterSwitch: async () => {
        throw new Error('a later hook failed')
      },
    }
    await expect(
      semesters({ hooks: [failing] }).setCurrent({ semester: S, period: 'QUIET' }),
    ).rejects.toThrow('a later hook failed')
    expect(await settingsRow()).toMatchObject({ semester: S, period: 'REVIEW' })
    expect(await pointsRows(S)).toEqual(before)

    const planned = await semesters().schedule({
      at: new Date(START.getTime() + HOUR),
      semester: S,
      period: 'QUIET',
    })
    clock.advance(2 * HOUR)
    await expect(semesters({ hooks: [failing] }).applyDueSwitches()).rejects.toThrow('a later hook failed')
    const row = await t.db.semesterSwitch.findUniqueOrThrow({
      where: { id_realmId: { id: planned.id, realmId: REALM } },
    })
    expect(row.status).toBe('SCHEDULED')
    expect(await pointsRows(S)).toEqual(before)
    // Once the hook is fixed, the next look applies it.
    expect((await semesters().applyDueSwitches()).applied).toBe(1)
    expect((await pointsRows(S)).map((r) => r.points)).toEqual([44])
  })
})

describe('the scheduler', () => {
  it('applies a switch when it comes due, without anyone calling the service', async () => {
    await startAt('2026-2027/1', 'QUIET')
    const scope = t.app.createChildContainer()
    scope.register(CLOCK, { useValue: clock })
    scope.register(ACCEPTED_POINTS_SOURCE, { useValue: source })
    const planned = await semesters().schedule({
      at: new Date(START.getTime() + HOUR),
      semester: '2026-2027/1',
      period: 'SUBMISSION',
    })
    const scheduler = semesterScheduler(scope, { intervalMs: 20, jitterMs: 5 }).start()
    try {
      const status = () =>
        t.db.semesterSwitch
          .findUniqueOrThrow({ where: { id_realmId: { id: planned.id, realmId: REALM } } })
          .then((row) => row.status)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(await status()).toBe('SCHEDULED')
      clock.advance(HOUR)
      await expect.poll(status, { timeout: 5_000, interval: 20 }).toBe('DONE')
      expect((await settingsRow()).period).toBe('SUBMISSION')
    } finally {
      await scheduler.stop()
    }
  })
})

describe('the caps', () => {
  it('are stored and shown; nonsense is refused per field', async () => {
    const caps = {
      work: 25,
      responsibility: 25,
      total: 45,
      zeroTotalsUpTo: 1,
      minimumTotal: 4,
      communityPointsCap: 90,
    }
    const state = await semesters().updateCaps(caps)
    expect(state.caps).toEqual({
      work: 25,
      responsibility: 25,
      total: 45,
      zeroTotalsUpTo: 1,
      minimumTotal: 4,
    })
    expect(state.communityPointsCap).toBe(90)
    expect(await fieldsOf(semesters().updateCaps({ ...caps, minimumTotal: 46 }))).toEqual({
      minimumTotal: ['tooLarge'],
    })
    expect(await fieldsOf(semesters().updateCaps({ ...caps, work: -1, communityPointsCap: 1.5 }))).toEqual({
      work: ['invalid'],
      communityPointsCap: ['invalid'],
    })
    await semesters().updateCaps(DEFAULT_CAPS_INPUT)
  })
})

describe('realms', () => {
  it("never read or change another realm's settings, switches or points", async () => {
    const other = reconfigured(t, { REALM_ID: OTHER })
    await semesters({ app: other }).setCurrent({ semester: '2030-2031/2', period: 'REVIEW' })
    const theirs = await semesters({ app: other }).schedule({
      at: new Date(START.getTime() + HOUR),
      semester: '2030-2031/2',
      period: 'QUIET',
    })
    await startAt('2026-2027/1', 'REVIEW')
    const ours = await semesters().schedule({
      at: new Date(START.getTime() + HOUR),
      semester: '2026-2027/1',
      period: 'QUIET',
    })
    expect((await semesters().state()).upcoming.map((s) => s.id)).toEqual([ours.id])
    expect(await failure(semesters().cancel({ switchId: theirs.id }))).toBeInstanceOf(NotFoundError)
    clock.advance(2 * HOUR)
    expect((await semesters().applyDueSwitches()).applied).toBe(1)
    const otherSettings = await t.db.semesterSettings.findUniqueOrThrow({ where: { realmId: OTHER } })
    expect(otherSettings).toMatchObject({ semester: '2030-2031/2', period: 'REVIEW' })
    const theirRow = await t.db.semesterSwitch.findUniqueOrThrow({
      where: { id_realmId: { id: theirs.id, realmId: OTHER } },
    })
    expect(theirRow.status).toBe('SCHEDULED')
    expect((await semesters({ app: other }).applyDueSwitches()).applied).toBe(1)
    expect(await t.db.communityPoints.count({ where: { realmId: OTHER } })).toBe(0)
  })
})
