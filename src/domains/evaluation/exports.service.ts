import { inject, injectable } from 'tsyringe'
import { SERVING } from '~/domains/membership/status'
import { type SemesterId, storedSemesterId } from '~/domains/semester/semester-id'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { Prisma } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { InvalidStateError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { byHungarian } from '~/shared/hungarian-order'
import { toCsv } from './csv'
import { effectiveCard, isColored } from './entry-cards'
import { ExportInput } from './exports.schema'

/** Exports are for the quiet period only: 409 with the reason `not-quiet` otherwise. */
export class ExportPeriodError extends InvalidStateError {
  constructor() {
    super('Exports are available in the quiet period only', 'not-quiet')
  }
}

export interface CsvExport {
  filename: string
  csv: string
  rows: number
}

const TYPE_LABEL = { KDO: 'KDO', KB: 'KB', AB: 'ÁB' } as const
const fileSemester = (semester: string) => semester.replace('/', '-')

interface ActiveUserRow {
  id: number
  displayName: string
  screenName: string | null
  neptun: string | null
  email: string | null
  groups: string[]
}

/**
 * The council's CSV exports (PRODUCT.md, "Exports (CSV, QUIET period)"): community points, accepted
 * colored entry cards and active users, built in memory (a few thousand short rows) with the
 * columns the spec lists. Only in QUIET; who may is the guard's (semester:admin).
 */
@injectable()
export class ExportService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
  ) {}

  /** id, name, Neptun, e-mail, points, groups ("group: total" over both semesters, largest first). */
  async communityPoints(input?: ExportInput): Promise<CsvExport> {
    const semester = await this.semesterOf(input)
    const rows = await this.db.communityPoints.findMany({
      where: { realmId: this.realmId, semester },
      select: {
        points: true,
        groups: true,
        user: { select: { id: true, displayName: true, neptun: true, email: true } },
      },
    })
    const breakdown = (groups: unknown) => (groups as { groupId: number; total: number }[]) ?? []
    const names = await this.groupNames(rows.flatMap((r) => breakdown(r.groups).map((g) => g.groupId)))
    const lines = rows
      .sort(
        (a, b) =>
          b.points - a.points || byHungarian(a.user.displayName, b.user.displayName) || a.user.id - b.user.id,
      )
      .map((r) => [
        r.user.id,
        r.user.displayName,
        r.user.neptun,
        r.user.email,
        r.points,
        breakdown(r.groups)
          .sort((a, b) => b.total - a.total)
          .map((g) => `${names.get(g.groupId) ?? g.groupId}: ${g.total}`)
          .join(', '),
      ])
    return {
      filename: `pek-kozossegi-pontok-${fileSemester(semester)}.csv`,
      csv: toCsv(['Azonosító', 'Név', 'Neptun', 'E-mail', 'Pont', 'Körök'], lines),
      rows: lines.length,
    }
  }

  /** name, e-mail, group, type, justification of the KB and ÁB cards of ACCEPTED entry requests. */
  async coloredCards(input?: ExportInput): Promise<CsvExport> {
    const semester = await this.semesterOf(input)
    const cards = await this.db.entryCard.findMany({
      where: { realmId: this.realmId, evaluation: { semester, entryStatus: 'ACCEPTED' } },
      select: {
        type: true,
        justification: true,
        finalType: true,
        finalJustification: true,
        final: true,
        evaluation: { select: { group: { select: { name: true } } } },
        membership: { select: { user: { select: { displayName: true, email: true } } } },
      },
    })
    const lines = cards
      .map((c) => ({ card: effectiveCard(c), group: c.evaluation.group.name, user: c.membership.user }))
      .filter((c) => isColored(c.card.type))
      .sort((a, b) => byHungarian(a.group, b.group) || byHungarian(a.user.displayName, b.user.displayName))
      .map((c) => [c.user.displayName, c.user.email, c.group, TYPE_LABEL[c.card.type], c.card.justification])
    return {
      filename: `pek-szines-belepok-${fileSemester(semester)}.csv`,
      csv: toCsv(['Név', 'E-mail', 'Kör', 'Típus', 'Indoklás'], lines),
      rows: lines.length,
    }
  }

  /**
   * Users who serve a group now (NEWBIE or ACTIVE) and whose account is not disabled: id, name,
   * screen name, Neptun, e-mail and those groups.
   */
  async activeUsers(): Promise<CsvExport> {
    const { semester } = await this.quiet()
    // One statement: each membership's current status is on its row (ADR 0031), not every
    // membership of the realm read with every event (issue 8). Raw SQL bypasses the realm guard: it
    // names the realm.
    const users = await this.db.$queryRaw<ActiveUserRow[]>`
      SELECT u.id, u."displayName", u."screenName", u.neptun, u.email, array_agg(g.name) AS groups
      FROM "Membership" m
      JOIN "User" u ON u."realmId" = m."realmId" AND u.id = m."userId" AND NOT u.disabled
      JOIN "Group" g ON g."realmId" = m."realmId" AND g.id = m."groupId"
      WHERE m."realmId" = ${this.realmId} AND m."status" IN (${Prisma.join([...SERVING])})
      GROUP BY u."realmId", u.id`
    const lines = users
      .sort((a, b) => byHungarian(a.displayName, b.displayName) || a.id - b.id)
      .map((user) => [
        user.id,
        user.displayName,
        user.screenName,
        user.neptun,
        user.email,
        user.groups.sort(byHungarian).join(', '),
      ])
    return {
      filename: `pek-aktiv-felhasznalok-${fileSemester(semester)}.csv`,
      csv: toCsv(['Azonosító', 'Név', 'Becenév', 'Neptun', 'E-mail', 'Körök'], lines),
      rows: lines.length,
    }
  }

  // ---- helpers ----

  private async quiet() {
    const settings = await this.settings.current()
    if (settings.period !== 'QUIET') throw new ExportPeriodError()
    return settings
  }

  /**
   * The semester asked for, or the one the quiet period closed: the semester left by the newest
   * switch into QUIET from SUBMISSION or REVIEW (ADR 0014's closed semester — a switch from REVIEW of
   * S to QUIET of S+1 closes S), or the current one when no such switch was logged.
   */
  private async semesterOf(input: ExportInput | undefined): Promise<SemesterId> {
    const settings = await this.quiet()
    const asked = parseInput(ExportInput, input ?? {}).semester
    if (asked) return asked
    const closing = await this.db.semesterSwitch.findFirst({
      where: {
        realmId: this.realmId,
        status: 'DONE',
        period: 'QUIET',
        fromPeriod: { in: ['SUBMISSION', 'REVIEW'] },
      },
      orderBy: [{ doneAt: 'desc' }, { id: 'desc' }],
      select: { fromSemester: true },
    })
    return closing?.fromSemester ? storedSemesterId(closing.fromSemester) : settings.semester
  }

  private async groupNames(ids: number[]): Promise<Map<number, string>> {
    const groups = await this.db.group.findMany({
      where: { realmId: this.realmId, id: { in: [...new Set(ids)] } },
      select: { id: true, name: true },
    })
    return new Map(groups.map((g) => [g.id, g.name]))
  }
}
