import { inject, injectAll, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import type { SemesterSwitch } from '~/generated/prisma/client'
import type { Actor } from '~/server/auth/actor'
import type { RealmClient } from '~/server/db/client'
import { ACTOR, CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'
import { InvalidStateError, NotFoundError, ValidationError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import {
  CapsInput,
  ScheduleSwitchInput,
  SemesterState,
  SetCurrentInput,
  SwitchIdInput,
  SwitchLog,
  type SwitchLogEntry,
  UpcomingSwitch,
} from './semester.schema'
import { storedSemesterId, toLegacySemesterId } from './semester-id'
import { type SemesterSettings, SemesterSettingsService } from './semester-settings.service'
import { SEMESTER_SWITCH_HOOKS, type SemesterSwitchHook } from './switch-hooks'

/** How far ahead a switch may be scheduled: beyond it, a date is a typo, not a plan. */
export const MAX_SCHEDULE_DAYS = 730

/** A switch, with its hooks, waits for the settings lock and may recompute a semester's points. */
const SWITCH_TRANSACTION = { maxWait: 10_000, timeout: 60_000 }

/** How many done or cancelled switches the log shows. */
const LOG_LENGTH = 50

/** The switch was done or cancelled meanwhile: it can no longer be cancelled (409, with its status). */
export class SwitchNotScheduledError extends InvalidStateError {
  constructor(readonly status: SemesterSwitch['status']) {
    super(`The switch is ${status.toLowerCase()}, not scheduled`)
  }
}

export interface DueSwitchesResult {
  /** How many switches this call applied (0 when another caller had applied them). */
  applied: number
  /** When the next scheduled switch is due, if any. */
  nextAt: Date | null
}

/**
 * The current semester and period (PRODUCT.md, "Semesters and evaluation"): the council leader
 * switches them now or schedules switches ahead; `applyDueSwitches` (run by the scheduler) applies
 * the due ones in order. Every switch — now or scheduled — is a SemesterSwitch row applied under the
 * realm's settings row lock, together with every SEMESTER_SWITCH_HOOKS hook in one transaction
 * (community points on the switch to QUIET). Schedules and cancels take the same lock, so a cancel
 * racing the scheduler either wins or gets a 409 — a switch is applied exactly once, or never.
 */
@injectable()
export class SemesterService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(ACTOR) private readonly actor: Actor,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
    @injectAll(SEMESTER_SWITCH_HOOKS) private readonly hooks: SemesterSwitchHook[],
  ) {}

  /** The current semester and period, the caps, and the scheduled switches: anyone may know them. */
  async state(): Promise<SemesterState> {
    const settings = await this.settings.current()
    const upcoming = await this.db.semesterSwitch.findMany({
      where: { realmId: this.realmId, status: 'SCHEDULED' },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { id: true, at: true, semester: true, period: true },
    })
    return SemesterState.parse({
      semester: settings.semester,
      legacySemester: toLegacySemesterId(settings.semester),
      period: settings.period,
      caps: settings.caps,
      communityPointsCap: settings.communityPointsCap,
      upcoming,
    })
  }

  /** Switches to the semester and period now (logged as a done switch), with the switch's hooks. */
  async setCurrent(input: SetCurrentInput): Promise<SemesterState> {
    const { semester, period } = parseInput(SetCurrentInput, input)
    await this.db.$transaction(async (tx) => {
      const settings = await this.settings.locked(tx, 'update')
      const now = this.clock.now()
      const row = await tx.semesterSwitch.create({
        data: { realmId: this.realmId, at: now, semester, period, createdById: this.actorId() },
      })
      await this.apply(tx, settings, row, now)
    }, SWITCH_TRANSACTION)
    return this.state()
  }

  /** Schedules a switch at a future moment (at most MAX_SCHEDULE_DAYS ahead). */
  async schedule(input: ScheduleSwitchInput): Promise<UpcomingSwitch> {
    const { at, semester, period } = parseInput(ScheduleSwitchInput, input)
    const now = this.clock.now()
    if (at <= now) throw new ValidationError({ at: ['notInFuture'] })
    if (at.getTime() - now.getTime() > MAX_SCHEDULE_DAYS * 86_400_000)
      throw new ValidationError({ at: ['tooFarAhead'] })
    const row = await this.db.$transaction(async (tx) => {
      await this.settings.locked(tx, 'update')
      return tx.semesterSwitch.create({
        data: { realmId: this.realmId, at, semester, period, createdById: this.actorId() },
        select: { id: true, at: true, semester: true, period: true },
      })
    })
    return UpcomingSwitch.parse(row)
  }

  /** Cancels a scheduled switch; one already done or cancelled is a 409 naming its status. */
  async cancel(input: SwitchIdInput): Promise<void> {
    const { switchId } = parseInput(SwitchIdInput, input)
    await this.db.$transaction(async (tx) => {
      await this.settings.locked(tx, 'update')
      const where = { realmId: this.realmId, id: switchId }
      const { count } = await tx.semesterSwitch.updateMany({
        where: { ...where, status: 'SCHEDULED' },
        data: { status: 'CANCELLED', cancelledAt: this.clock.now(), cancelledById: this.actorId() },
      })
      if (count === 1) return
      const row = await tx.semesterSwitch.findFirst({ where, select: { status: true } })
      if (!row) throw new NotFoundError('SemesterSwitch', switchId)
      throw new SwitchNotScheduledError(row.status)
    })
  }

  /** Replaces the evaluation caps and the community points cap. */
  async updateCaps(input: CapsInput): Promise<SemesterState> {
    const caps = parseInput(CapsInput, input)
    await this.db.$transaction(async (tx) => {
      await this.settings.locked(tx, 'update')
      await tx.semesterSettings.update({
        where: { realmId: this.realmId },
        data: {
          workCap: caps.work,
          responsibilityCap: caps.responsibility,
          totalCap: caps.total,
          zeroTotalsUpTo: caps.zeroTotalsUpTo,
          minimumTotal: caps.minimumTotal,
          communityPointsCap: caps.communityPointsCap,
          updatedById: this.actorId(),
        },
      })
    })
    return this.state()
  }

  /** The scheduled switches (soonest first) and the latest done or cancelled ones (latest first). */
  async log(): Promise<SwitchLog> {
    const where = { realmId: this.realmId }
    const [upcoming, past] = await Promise.all([
      this.db.semesterSwitch.findMany({
        where: { ...where, status: 'SCHEDULED' },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      }),
      this.db.semesterSwitch.findMany({
        where: { ...where, status: { in: ['DONE', 'CANCELLED'] } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: LOG_LENGTH,
      }),
    ])
    const people = await this.names([...upcoming, ...past].flatMap((s) => [s.createdById, s.cancelledById]))
    const entry = (s: SemesterSwitch): SwitchLogEntry => ({
      id: s.id,
      at: s.at,
      semester: s.semester,
      period: s.period,
      status: s.status,
      createdAt: s.createdAt,
      createdBy: people(s.createdById),
      doneAt: s.doneAt,
      from: s.fromSemester && s.fromPeriod ? { semester: s.fromSemester, period: s.fromPeriod } : null,
      cancelledAt: s.cancelledAt,
      cancelledBy: people(s.cancelledById),
    })
    return SwitchLog.parse({ upcoming: upcoming.map(entry), past: past.map(entry) })
  }

  /**
   * Applies every scheduled switch whose time has come, in order (time, then creation), each with its
   * hooks, all in one transaction under the settings lock. Concurrent callers (two instances, two
   * ticks) queue on the lock; the later one finds them done and applies nothing.
   */
  async applyDueSwitches(): Promise<DueSwitchesResult> {
    const now = this.clock.now()
    const due = { realmId: this.realmId, status: 'SCHEDULED' as const, at: { lte: now } }
    // Most ticks find nothing due: ask without taking the lock first.
    const anyDue = await this.db.semesterSwitch.findFirst({ where: due, select: { id: true } })
    const applied = !anyDue
      ? 0
      : await this.db.$transaction(async (tx) => {
          let settings = await this.settings.locked(tx, 'update')
          const rows = await tx.semesterSwitch.findMany({
            where: due,
            orderBy: [{ at: 'asc' }, { id: 'asc' }],
          })
          for (const row of rows) settings = await this.apply(tx, settings, row, now)
          return rows.length
        }, SWITCH_TRANSACTION)
    const next = await this.db.semesterSwitch.findFirst({
      where: { realmId: this.realmId, status: 'SCHEDULED' },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { at: true },
    })
    return { applied, nextAt: next?.at ?? null }
  }

  /** One switch, under the settings lock: the settings change, the row is marked done, hooks run. */
  private async apply(
    tx: Tx,
    settings: SemesterSettings,
    row: SemesterSwitch,
    now: Date,
  ): Promise<SemesterSettings> {
    const from = { semester: settings.semester, period: settings.period }
    const to = { semester: storedSemesterId(row.semester), period: row.period }
    await tx.semesterSettings.update({
      where: { realmId: this.realmId },
      data: { semester: to.semester, period: to.period, updatedById: row.createdById },
    })
    await tx.semesterSwitch.update({
      where: { id_realmId: { id: row.id, realmId: this.realmId } },
      data: { status: 'DONE', doneAt: now, fromSemester: from.semester, fromPeriod: from.period },
    })
    const after = { ...settings, ...to }
    for (const hook of this.hooks)
      await hook.afterSwitch(tx, {
        from,
        to,
        appliedAt: now,
        caps: after.caps,
        communityPointsCap: after.communityPointsCap,
      })
    return after
  }

  private actorId(): number | null {
    return this.actor.kind === 'user' ? this.actor.userId : null
  }

  private async names(ids: (number | null)[]) {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
    const users = wanted.length
      ? await this.db.user.findMany({
          where: { realmId: this.realmId, id: { in: wanted } },
          select: { id: true, displayName: true },
        })
      : []
    const byId = new Map(users.map((u) => [u.id, { id: u.id, name: u.displayName }]))
    return (id: number | null) => (id === null ? null : (byId.get(id) ?? null))
  }
}
