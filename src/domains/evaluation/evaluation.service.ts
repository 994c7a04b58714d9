import { inject, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import { SERVING } from '~/domains/membership/status'
import { capPoints } from '~/domains/semester/caps'
import type { Period } from '~/domains/semester/semester.schema'
import { previousSemester, type SemesterId } from '~/domains/semester/semester-id'
import { type SemesterSettings, SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { Prisma } from '~/generated/prisma/client'
import type { Actor } from '~/server/auth/actor'
import type { RealmClient } from '~/server/db/client'
import { lockingClause, type Reader, type RowLock, readRows, type Sql, type SqlPool } from '~/server/db/sql'
import { ACTOR, CLOCK, type Clock, PRISMA, REALM_ID, SQL } from '~/server/di/tokens'
import { NotFoundError, ValidationError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { type EditMode, editRefusal } from './edit-rules'
import { isColored } from './entry-cards'
import { CellChangedError, EvaluationRuleError } from './evaluation.errors'
import {
  CellRefInput,
  type CellView,
  CreatePrincipleInput,
  EvaluationOfGroupInput,
  EvaluationRefInput,
  EvaluationView,
  type EvaluationViewerRights,
  MessageView,
  NO_RIGHTS,
  type PointRow,
  PostCellCommentInput,
  PostMessageInput,
  PrincipleRefInput,
  type PrincipleView,
  SetCellInput,
  SetEntryCardInput,
  SetReportInput,
  UpdatePrincipleInput,
} from './evaluation.schema'
import {
  type CellRef,
  type CellWriteLocks,
  type EvaluationRow,
  eligibleMember,
  eligibleMembers,
  lockCellWrite,
  lockEvaluation,
} from './evaluation-rows'

const PRINCIPLE_SELECT = {
  id: true,
  name: true,
  description: true,
  category: true,
  maxPoints: true,
  position: true,
} as const
const COMMENT_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, displayName: true } },
} as const
const MESSAGE_SELECT = { ...COMMENT_SELECT, system: true } as const

/** The evaluation's own columns the page shows. */
type EvaluationFields = Pick<
  EvaluationView,
  'id' | 'groupId' | 'semester' | 'pointStatus' | 'entryStatus' | 'report'
>

/** Which request governs an edit: the point request (principles, cells, report) or the entry request. */
type Part = 'points' | 'entries'

/** Throws the refusal of the rules of `mode` for an edit of the request's `part`, if any. */
function refuseEdit(
  mode: EditMode,
  part: Part,
  settings: { semester: string; period: Period },
  ev: EvaluationRow,
): void {
  const refusal = editRefusal(mode, {
    status: part === 'points' ? ev.pointStatus : ev.entryStatus,
    period: settings.period,
    current: ev.semester === settings.semester,
  })
  if (refusal) throw new EvaluationRuleError(refusal)
}

/**
 * A group's semester evaluation: created on first visit, its principles, point table, entry cards,
 * report and threads (PRODUCT.md, "Semesters and evaluation"; docs/decisions/0015-evaluations.md).
 * Every edit holds the semester settings (`locked(tx, 'share')`) and the evaluation row, then checks
 * status × period × mode (edit-rules.ts); who may call is the guard's.
 */
@injectable()
export class EvaluationService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(SQL) private readonly sql: SqlPool,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(ACTOR) private readonly actor: Actor,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
  ) {}

  /**
   * The group's evaluation of the current semester — created on the first visit; two first visits
   * at once meet on the unique (group, semester) key — or of a past semester (read only, 404 when
   * there is none), with its point table.
   */
  async open(
    input: EvaluationOfGroupInput,
    viewer: EvaluationViewerRights = NO_RIGHTS,
  ): Promise<EvaluationView> {
    const { groupId, semester: asked } = parseInput(EvaluationOfGroupInput, input)
    const settings = await this.settings.current()
    const semester = asked ?? settings.semester
    // The point table is read on every visit of the evaluation page: without Prisma (fix 30).
    const find = async () => {
      const [row] = await this.sql.rows<EvaluationFields>(Prisma.sql`
        SELECT id, "groupId", semester, "pointStatus"::text AS "pointStatus", "entryStatus"::text AS "entryStatus", report
        FROM "Evaluation" WHERE "realmId" = ${this.realmId} AND "groupId" = ${groupId} AND semester = ${semester}`)
      return row
    }
    // Every visit but the first finds it: only a miss asks whether the group exists and creates it.
    let evaluation = await find()
    if (!evaluation) {
      const group = await this.db.group.findUnique({
        where: { id_realmId: { id: groupId, realmId: this.realmId } },
        select: { id: true },
      })
      if (!group) throw new NotFoundError('Group', groupId)
      // Raw SQL (it names the realm itself, ADR 0003): Prisma's upsert is a read then a write, and two
      // first visits would both try the insert. ON CONFLICT makes them meet on the unique key.
      if (semester === settings.semester) {
        await this.db.$executeRaw`
          INSERT INTO "Evaluation" ("realmId", "groupId", "semester", "updatedAt")
          VALUES (${this.realmId}, ${groupId}, ${semester}, ${this.clock.now()})
          ON CONFLICT ("realmId", "groupId", "semester") DO NOTHING`
        evaluation = await find()
      }
    }
    if (!evaluation) throw new NotFoundError('Evaluation', `${groupId} ${semester}`)
    return this.view(evaluation, settings, viewer)
  }

  // ---- principles (the group's editors only; they follow the point request) ----

  async createPrinciple(input: CreatePrincipleInput): Promise<PrincipleView> {
    const { groupId, evaluationId, ...fields } = parseInput(CreatePrincipleInput, input)
    return this.edit({ groupId, evaluationId }, 'points', 'group', async (tx, ev) => {
      const last = await tx.principle.aggregate({
        where: { realmId: this.realmId, evaluationId: ev.id },
        _max: { position: true },
      })
      return tx.principle.create({
        data: {
          realmId: this.realmId,
          evaluationId: ev.id,
          ...fields,
          position: (last._max.position ?? -1) + 1,
        },
        select: PRINCIPLE_SELECT,
      })
    })
  }

  /** Changes a principle; its maximum may not fall below a value already given for it (400). */
  async updatePrinciple(input: UpdatePrincipleInput): Promise<PrincipleView> {
    const { groupId, evaluationId, principleId, ...fields } = parseInput(UpdatePrincipleInput, input)
    return this.edit({ groupId, evaluationId }, 'points', 'group', async (tx, ev) => {
      await this.principle(tx, ev.id, principleId, 'update')
      const above = await tx.pointCell.count({
        where: { realmId: this.realmId, principleId, value: { gt: fields.maxPoints } },
      })
      if (above > 0) throw new ValidationError({ maxPoints: ['belowGivenPoints'] })
      return tx.principle.update({
        where: { id_realmId: { id: principleId, realmId: this.realmId } },
        data: fields,
        select: PRINCIPLE_SELECT,
      })
    })
  }

  /** Deletes a principle with its cells and their comments. */
  async deletePrinciple(input: PrincipleRefInput): Promise<{ deleted: number }> {
    const { groupId, evaluationId, principleId } = parseInput(PrincipleRefInput, input)
    return this.edit({ groupId, evaluationId }, 'points', 'group', async (tx, ev) => {
      await this.principle(tx, ev.id, principleId, 'update')
      await tx.principle.delete({ where: { id_realmId: { id: principleId, realmId: this.realmId } } })
      return { deleted: principleId }
    })
  }

  /**
   * Copies the group's previous-semester principles into an evaluation that has none yet (refused
   * with `principles-exist` otherwise); answers the principles now (empty when there were none).
   */
  async copyPreviousPrinciples(input: EvaluationRefInput): Promise<PrincipleView[]> {
    const ref = parseInput(EvaluationRefInput, input)
    return this.edit(ref, 'points', 'group', async (tx, ev) => {
      const where = { realmId: this.realmId, evaluationId: ev.id }
      if ((await tx.principle.count({ where })) > 0) throw new EvaluationRuleError('principles-exist')
      const previous = await tx.evaluation.findUnique({
        where: {
          realmId_groupId_semester: {
            realmId: this.realmId,
            groupId: ev.groupId,
            semester: previousSemester(ev.semester as SemesterId),
          },
        },
        select: { principles: { select: PRINCIPLE_SELECT, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
      })
      await tx.principle.createMany({
        data: (previous?.principles ?? []).map(({ id: _id, ...p }) => ({ ...where, ...p })),
      })
      return tx.principle.findMany({
        where,
        select: PRINCIPLE_SELECT,
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      })
    })
  }

  // ---- cells and entry cards (the group's editors, or reviewers: the mode) ----

  /**
   * Writes one cell. The write carries the value its editor last saw (`expected`); under the cell's
   * row lock a stored value that differs from it — and from the value written — is a
   * CellChangedError (409) carrying the current value. Of two writes from the same value the first
   * to lock lands; different cells never conflict. A value above the principle's maximum is a 400.
   */
  async setCell(input: SetCellInput, mode: EditMode): Promise<CellView> {
    const { groupId, evaluationId, principleId, membershipId, value, expected } = parseInput(
      SetCellInput,
      input,
    )
    // The hottest write (a leader fills a table cell by cell): raw statements in a pg transaction,
    // not Prisma's (docs/performance.md, fixes 26 and 28).
    return this.sql.transaction(async (tx) => {
      const locks = await this.lockCell(tx, { groupId, evaluationId, principleId, membershipId }, mode)
      if (value > locks.maxPoints) throw new ValidationError({ value: ['tooLarge'] })
      if (locks.memberStatus === null) throw new NotFoundError('Membership', membershipId)
      if (!SERVING.includes(locks.memberStatus)) throw new EvaluationRuleError('not-eligible')
      const ev = locks.evaluation
      // One statement writes the cell if it still holds `expected` (a missing cell holds 0) and
      // locks it either way; only when nothing was written is it read again (issue 8).
      const now = this.clock.now()
      const actor = this.actorOrNull()
      const [written] = await tx.rows<{ value: number; updatedAt: Date }>(Prisma.sql`
        INSERT INTO "PointCell" ("realmId", "evaluationId", "principleId", "membershipId", "value", "updatedAt", "updatedById")
        VALUES (${this.realmId}, ${ev.id}, ${principleId}, ${membershipId}, ${expected === 0 ? value : 0}, ${now}, ${expected === 0 ? actor : null})
        ON CONFLICT ("realmId", "principleId", "membershipId") DO UPDATE
          SET "value" = ${value}, "updatedAt" = ${now}, "updatedById" = ${actor}
          WHERE "PointCell"."value" = ${expected} AND "PointCell"."value" <> ${value}
        RETURNING "value", "updatedAt"`)
      const [cell] = written
        ? [written]
        : await tx.rows<{ value: number; updatedAt: Date }>(Prisma.sql`
            SELECT "value", "updatedAt" FROM "PointCell"
            WHERE "realmId" = ${this.realmId} AND "principleId" = ${principleId} AND "membershipId" = ${membershipId}`)
      if (!cell) throw new Error('point cell vanished inside its own transaction')
      if (cell.value !== value) throw new CellChangedError(cell.value)
      return { principleId, membershipId, value, updatedAt: cell.updatedAt }
    })
  }

  /** Sets a member's entry card (type and justification); KB and ÁB need the justification by submit. */
  async setEntryCard(input: SetEntryCardInput, mode: EditMode) {
    const { groupId, evaluationId, membershipId, type, justification } = parseInput(SetEntryCardInput, input)
    return this.edit({ groupId, evaluationId }, 'entries', mode, async (tx, ev) => {
      if ((await eligibleMember(tx, this.realmId, groupId, membershipId)) === 'not-eligible')
        throw new EvaluationRuleError('not-eligible')
      // A KDO card has no justification: the editor hides the field for it, so a text left from an
      // earlier KB or ÁB would otherwise show to reviewers and in the histories as if it were KDO's.
      const data = {
        type,
        justification: isColored(type) ? justification : '',
        updatedAt: this.clock.now(),
        updatedById: this.actorOrNull(),
      }
      return tx.entryCard.upsert({
        where: {
          realmId_evaluationId_membershipId: { realmId: this.realmId, evaluationId: ev.id, membershipId },
        },
        create: { realmId: this.realmId, evaluationId: ev.id, membershipId, ...data },
        update: data,
        select: { membershipId: true, type: true, justification: true },
      })
    })
  }

  /** The leader's report, under the point request's rules for the group's editors. */
  async setReport(input: SetReportInput): Promise<{ report: string }> {
    const { groupId, evaluationId, report } = parseInput(SetReportInput, input)
    return this.edit(
      { groupId, evaluationId },
      'points',
      'group',
      (tx, ev) =>
        tx.evaluation.update({
          where: { id_realmId: { id: ev.id, realmId: this.realmId } },
          data: { report },
          select: { report: true },
        }),
      'update',
    )
  }

  // ---- threads (whoever sees the evaluation, in any period) ----

  async messages(input: EvaluationRefInput): Promise<MessageView[]> {
    const { groupId, evaluationId } = parseInput(EvaluationRefInput, input)
    await this.evaluationOf(groupId, evaluationId)
    const rows = await this.db.evaluationMessage.findMany({
      where: { realmId: this.realmId, evaluationId },
      select: MESSAGE_SELECT,
      orderBy: { id: 'asc' },
    })
    return rows.map(toMessage)
  }

  async postMessage(input: PostMessageInput): Promise<MessageView> {
    const { groupId, evaluationId, body } = parseInput(PostMessageInput, input)
    await this.evaluationOf(groupId, evaluationId)
    const row = await this.db.evaluationMessage.create({
      data: {
        realmId: this.realmId,
        evaluationId,
        body,
        authorId: this.actorOrNull(),
        createdAt: this.clock.now(),
      },
      select: MESSAGE_SELECT,
    })
    return toMessage(row)
  }

  async cellComments(input: CellRefInput): Promise<MessageView[]> {
    const { groupId, evaluationId, principleId, membershipId } = parseInput(CellRefInput, input)
    await this.evaluationOf(groupId, evaluationId)
    const rows = await this.db.cellComment.findMany({
      where: { realmId: this.realmId, evaluationId, principleId, membershipId },
      select: COMMENT_SELECT,
      orderBy: { id: 'asc' },
    })
    return rows.map(toMessage)
  }

  async postCellComment(input: PostCellCommentInput): Promise<MessageView> {
    const { groupId, evaluationId, principleId, membershipId, body } = parseInput(PostCellCommentInput, input)
    await this.evaluationOf(groupId, evaluationId)
    return this.db.$transaction(async (tx) => {
      await this.principle(tx, evaluationId, principleId)
      const member = await tx.membership.findFirst({
        where: { realmId: this.realmId, id: membershipId, groupId },
        select: { id: true },
      })
      if (!member) throw new NotFoundError('Membership', membershipId)
      const row = await tx.cellComment.create({
        data: {
          realmId: this.realmId,
          evaluationId,
          principleId,
          membershipId,
          body,
          authorId: this.actorOrNull(),
          createdAt: this.clock.now(),
        },
        select: COMMENT_SELECT,
      })
      return toMessage(row)
    })
  }

  // ---- helpers ----

  /** Runs an edit in a Prisma transaction, after `lockForEdit`. */
  private edit<T>(
    ref: { groupId: number; evaluationId: number },
    part: Part,
    mode: EditMode,
    run: (tx: Tx, evaluation: EvaluationRow) => Promise<T>,
    lock: RowLock = 'share',
  ): Promise<T> {
    return this.db.$transaction(async (tx) => run(tx, await this.lockForEdit(tx, ref, part, mode, lock)))
  }

  /** Takes the settings (share) and evaluation locks and refuses what the rules of `mode` refuse. */
  private async lockForEdit(
    tx: Reader,
    ref: { groupId: number; evaluationId: number },
    part: Part,
    mode: EditMode,
    lock: RowLock,
  ): Promise<EvaluationRow> {
    const settings = await this.settings.locked(tx, 'share')
    const ev = await lockEvaluation(tx, this.realmId, ref, lock)
    refuseEdit(mode, part, settings, ev)
    return ev
  }

  /**
   * A cell write's locks and checks, refused as `lockForEdit` refuses. Where one statement finds no
   * row, they are taken one by one: that names the missing evaluation or principle (a 404), or makes
   * the settings row of a realm that has none yet, and the statement then finds its row.
   */
  private async lockCell(tx: Sql, ref: CellRef, mode: EditMode): Promise<CellWriteLocks> {
    const found = await lockCellWrite(tx, this.realmId, ref)
    if (found) {
      refuseEdit(mode, 'points', found.settings, found.evaluation)
      return found
    }
    const ev = await this.lockForEdit(tx, ref, 'points', mode, 'share')
    await this.principle(tx, ev.id, ref.principleId)
    const locks = await lockCellWrite(tx, this.realmId, ref)
    if (!locks) throw new Error('a locked cell write lost its rows inside its own transaction')
    return locks
  }

  /**
   * The evaluation's principle, locked until the transaction ends (a 404 when there is none): `share`
   * for a cell write, which must not meet a lowered maximum or a deleted principle half-way;
   * `update` to change or delete it, after the cell writes under way.
   */
  private async principle(tx: Reader, evaluationId: number, principleId: number, lock: RowLock = 'share') {
    const [principle] = await readRows<{ id: number; maxPoints: number }>(
      tx,
      Prisma.sql`
        SELECT "id", "maxPoints" FROM "Principle"
        WHERE "id" = ${principleId} AND "realmId" = ${this.realmId} AND "evaluationId" = ${evaluationId}
        ${lockingClause(lock)}`,
    )
    if (!principle) throw new NotFoundError('Principle', principleId)
    return principle
  }

  private async evaluationOf(groupId: number, evaluationId: number) {
    const row = await this.db.evaluation.findFirst({
      where: { realmId: this.realmId, id: evaluationId, groupId },
      select: { id: true },
    })
    if (!row) throw new NotFoundError('Evaluation', evaluationId)
  }

  private async view(
    evaluation: EvaluationFields,
    settings: SemesterSettings,
    viewer: EvaluationViewerRights,
  ): Promise<EvaluationView> {
    const of = Prisma.sql`"realmId" = ${this.realmId} AND "evaluationId" = ${evaluation.id}`
    // Raw and without Prisma: its model mapping costs about a microsecond per row, and a large
    // group's table has thousands of cells (issue 8, fixes 22 and 30). Raw SQL bypasses the realm
    // guard (ADR 0003): each statement names the realm.
    const [principles, cells, cards, members, threads] = await Promise.all([
      this.sql.rows<PrincipleView>(Prisma.sql`
        SELECT id, name, description, category::text AS category, "maxPoints", position
        FROM "Principle" WHERE ${of} ORDER BY position, id`),
      this.sql.rows<{ principleId: number; membershipId: number; value: number }>(
        Prisma.sql`SELECT "principleId", "membershipId", value FROM "PointCell" WHERE ${of}`,
      ),
      this.sql.rows<{ membershipId: number; type: PointRow['entryCard']['type']; justification: string }>(
        Prisma.sql`SELECT "membershipId", type::text AS type, justification FROM "EntryCard" WHERE ${of}`,
      ),
      eligibleMembers(this.sql, this.realmId, evaluation.groupId),
      // Which cells have comments: one grouped count for the whole table, not a query per row.
      this.sql.rows<{ principleId: number; membershipId: number; count: number }>(Prisma.sql`
        SELECT "principleId", "membershipId", count(*)::int AS count FROM "CellComment"
        WHERE ${of} GROUP BY "principleId", "membershipId"`),
    ])
    const category = new Map(principles.map((p) => [p.id, p.category]))
    // Each cell, card and comment count goes straight to its member's row: one pass over each list,
    // no per-row search or intermediate arrays (a table of hundreds of members, issue 8). The rows
    // are object literals: on Node 20 a spread with more properties after it (`{ ...m, cells: {} }`)
    // builds a slow object, 3 µs each here (docs/performance.md, fix 23).
    const rows: PointRow[] = []
    const rowOf = new Map<number, PointRow>()
    for (const m of members) {
      const row: PointRow = {
        membershipId: m.membershipId,
        userId: m.userId,
        displayName: m.displayName,
        cells: {},
        comments: {},
        sums: { work: 0, responsibility: 0 },
        capped: { work: 0, responsibility: 0, total: 0 },
        entryCard: { type: 'KDO', justification: '' },
      }
      rows.push(row)
      rowOf.set(m.membershipId, row)
    }
    for (const c of cells) {
      const row = rowOf.get(c.membershipId)
      const kind = category.get(c.principleId)
      if (!row || !kind) continue
      row.cells[c.principleId] = c.value
      if (kind === 'WORK') row.sums.work += c.value
      else row.sums.responsibility += c.value
    }
    for (const t of threads) {
      const row = rowOf.get(t.membershipId)
      if (row) row.comments[t.principleId] = t.count
    }
    for (const card of cards) {
      const row = rowOf.get(card.membershipId)
      if (row) row.entryCard = { type: card.type, justification: card.justification }
    }
    for (const row of rows) row.capped = capPoints(settings.caps, row.sums)
    return EvaluationView.parse({
      ...evaluation,
      period: settings.period,
      current: evaluation.semester === settings.semester,
      caps: settings.caps,
      principles,
      rows,
      viewer,
    })
  }

  private actorOrNull(): number | null {
    return this.actor.kind === 'user' ? this.actor.userId : null
  }
}

function toMessage(row: {
  id: number
  body: string
  system?: boolean
  createdAt: Date
  author: { id: number; displayName: string } | null
}): MessageView {
  return MessageView.parse({
    ...row,
    system: row.system ?? false,
    author: row.author && { id: row.author.id, name: row.author.displayName },
  })
}
