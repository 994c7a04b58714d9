import { inject, injectable } from 'tsyringe'
import { Prisma } from '~/generated/prisma/client'
import { lockingClause, type Reader, type RowLock, readRows, type Sql } from '~/server/db/sql'
import { CLOCK, type Clock, REALM_ID, SQL } from '~/server/di/tokens'
import type { EvaluationCaps } from './caps'
import type { Period } from './semester.schema'
import { type SemesterId, semesterOf, storedSemesterId } from './semester-id'

/** The realm's semester settings as the domain reads them. */
export interface SemesterSettings {
  semester: SemesterId
  period: Period
  caps: EvaluationCaps
  communityPointsCap: number
}

/**
 * Reads the realm's settings row (SemesterSettings in the schema), for the semester service and for
 * anything that must act on the current semester and period — an evaluation's submit, say — which
 * reads them with `locked(tx, 'share')` so that no switch lands between its check and its write
 * (switches lock the row `'update'`).
 *
 * A realm without a row (a new worker realm; the hub's is seeded by its migration) gets one on first
 * use: the calendar's semester (semester-id.ts), QUIET, and the caps' column defaults.
 */
@injectable()
export class SemesterSettingsService {
  constructor(
    @inject(SQL) private readonly sql: Sql,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Read on most requests of the evaluation pages: without Prisma (docs/performance.md, fix 22). */
  async current(): Promise<SemesterSettings> {
    return this.orMade(this.sql, async () => {
      const [row] = await this.sql.rows<SettingsRow>(this.settingsRead(Prisma.empty))
      return row ? settingsOf(row) : null
    })
  }

  /** The settings, locked until the transaction ends: `update` to change them, `share` to rely on them. */
  async locked(tx: Reader, mode: RowLock): Promise<SemesterSettings> {
    // Read and locked in one statement: every edit of an evaluation starts here.
    return this.orMade(tx, () => this.lockedRead(tx, mode))
  }

  /** What `read` finds; in a realm that has no row yet, the row is made first. */
  private async orMade(db: Reader, read: () => Promise<SemesterSettings | null>): Promise<SemesterSettings> {
    const found = await read()
    if (found) return found
    await this.ensure(db)
    const made = await read()
    if (!made) throw new Error(`No semester settings for realm ${this.realmId}`)
    return made
  }

  private async lockedRead(tx: Reader, mode: RowLock): Promise<SemesterSettings | null> {
    const [row] = await readRows<SettingsRow>(tx, this.settingsRead(lockingClause(mode)))
    return row ? settingsOf(row) : null
  }

  private settingsRead(lock: Prisma.Sql): Prisma.Sql {
    return Prisma.sql`
      SELECT "semester", "period"::text AS "period", "workCap", "responsibilityCap", "totalCap",
        "zeroTotalsUpTo", "minimumTotal", "communityPointsCap"
      FROM "SemesterSettings" WHERE "realmId" = ${this.realmId} ${lock}`
  }

  // Raw SQL bypasses the realm guard (ADR 0003): it names the realm itself. ON CONFLICT makes two
  // first uses at once meet on the key instead of failing.
  private async ensure(db: Reader): Promise<void> {
    await readRows(
      db,
      Prisma.sql`
        INSERT INTO "SemesterSettings" ("realmId", "semester")
        VALUES (${this.realmId}, ${semesterOf(this.clock.now())})
        ON CONFLICT ("realmId") DO NOTHING`,
    )
  }
}

/** The columns of the settings row the domain reads. */
type SettingsRow = {
  semester: string
  period: Period
  workCap: number
  responsibilityCap: number
  totalCap: number
  zeroTotalsUpTo: number
  minimumTotal: number
  communityPointsCap: number
}

function settingsOf(row: SettingsRow): SemesterSettings {
  return {
    semester: storedSemesterId(row.semester),
    period: row.period,
    caps: {
      work: row.workCap,
      responsibility: row.responsibilityCap,
      total: row.totalCap,
      zeroTotalsUpTo: row.zeroTotalsUpTo,
      minimumTotal: row.minimumTotal,
    },
    communityPointsCap: row.communityPointsCap,
  }
}
