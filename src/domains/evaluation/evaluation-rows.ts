// Reads and row locks the evaluation services share. Raw SQL bypasses the realm guard (ADR 0003):
// every statement here names the realm itself.
import type { Tx } from '~/domains/group/row-locks'
import { SERVING } from '~/domains/membership/status'
import type { Period } from '~/domains/semester/semester.schema'
import { Prisma } from '~/generated/prisma/client'
import type { MembershipStatus, RequestStatus } from '~/generated/prisma/enums'
import { lockingClause, type Reader, type RowLock, readRows } from '~/server/db/sql'
import { NotFoundError } from '~/server/errors'
import { byHungarian } from '~/shared/hungarian-order'

export interface EvaluationRow {
  id: number
  groupId: number
  semester: string
  pointStatus: RequestStatus
  entryStatus: RequestStatus
}

/**
 * Locks the group's evaluation row until the transaction ends and reads it: `share` for edits of
 * its content (they run side by side, but no status change lands between their check and write),
 * `update` for status changes. An evaluation of another group is a 404.
 */
export async function lockEvaluation(
  tx: Reader,
  realmId: string,
  ref: { groupId: number; evaluationId: number },
  mode: RowLock,
): Promise<EvaluationRow> {
  const [row] = await readRows<EvaluationRow>(
    tx,
    Prisma.sql`
      SELECT "id", "groupId", "semester", "pointStatus"::text AS "pointStatus", "entryStatus"::text AS "entryStatus"
      FROM "Evaluation" WHERE "id" = ${ref.evaluationId} AND "realmId" = ${realmId} AND "groupId" = ${ref.groupId}
      ${lockingClause(mode)}`,
  )
  if (!row) throw new NotFoundError('Evaluation', ref.evaluationId)
  return row
}

/** A point cell: the evaluation's principle × the group's membership. */
export interface CellRef {
  groupId: number
  evaluationId: number
  principleId: number
  membershipId: number
}

/** What a cell write checks, under the locks every edit takes. */
export interface CellWriteLocks {
  settings: { semester: string; period: Period }
  evaluation: EvaluationRow
  maxPoints: number
  /** The membership's current status; null when it is not one of the group's. */
  memberStatus: MembershipStatus | null
}

/**
 * The settings, the evaluation and the principle locked FOR SHARE — in the order every edit takes
 * them: PostgreSQL locks a join's rows in the order its OF list names them — with the member's
 * current status, in one statement: a cell save's checks in one round trip instead of four
 * (docs/performance.md, fix 28). Undefined when the settings, evaluation or principle row is missing.
 */
export async function lockCellWrite(
  tx: Reader,
  realmId: string,
  ref: CellRef,
): Promise<CellWriteLocks | undefined> {
  const [row] = await readRows<
    EvaluationRow & {
      semesterNow: string
      period: Period
      maxPoints: number
      memberStatus: MembershipStatus | null
    }
  >(
    tx,
    Prisma.sql`
      SELECT s."semester" AS "semesterNow", s."period"::text AS "period",
        e."id", e."groupId", e."semester", e."pointStatus"::text AS "pointStatus", e."entryStatus"::text AS "entryStatus",
        p."maxPoints",
        (SELECT m."status"::text FROM "Membership" m
          WHERE m."realmId" = ${realmId} AND m."id" = ${ref.membershipId} AND m."groupId" = ${ref.groupId}) AS "memberStatus"
      FROM "SemesterSettings" s, "Evaluation" e, "Principle" p
      WHERE s."realmId" = ${realmId}
        AND e."realmId" = ${realmId} AND e."id" = ${ref.evaluationId} AND e."groupId" = ${ref.groupId}
        AND p."realmId" = ${realmId} AND p."id" = ${ref.principleId} AND p."evaluationId" = e."id"
      FOR SHARE OF s, e, p`,
  )
  if (!row) return undefined
  const { semesterNow, period, maxPoints, memberStatus, ...evaluation } = row
  return { settings: { semester: semesterNow, period }, evaluation, maxPoints, memberStatus }
}

export interface EligibleMember {
  membershipId: number
  userId: number
  displayName: string
}

/**
 * The group's memberships that `which` selects, with their current status: only the columns a
 * point table and its checks use — not memberRows' posts and dates, which a large group's table
 * would compute for hundreds of members and throw away (docs/performance.md, fix 23).
 */
function tableMembers(db: Reader, realmId: string, groupId: number, which: Prisma.Sql) {
  return readRows<EligibleMember & { status: MembershipStatus }>(
    db,
    Prisma.sql`
    SELECT m."id" AS "membershipId", u."id" AS "userId", u."displayName", m."status"::text AS "status"
    FROM "Membership" m JOIN "User" u ON u."realmId" = m."realmId" AND u."id" = m."userId"
    WHERE m."realmId" = ${realmId} AND m."groupId" = ${groupId} AND ${which}`,
  )
}

/** The group's members who serve it now (NEWBIE or ACTIVE): the rows of its point table, by name. */
export async function eligibleMembers(
  db: Reader,
  realmId: string,
  groupId: number,
): Promise<EligibleMember[]> {
  const rows = await tableMembers(
    db,
    realmId,
    groupId,
    Prisma.sql`m."status" IN (${Prisma.join([...SERVING])})`,
  )
  return rows.sort((a, b) => byHungarian(a.displayName, b.displayName) || a.membershipId - b.membershipId)
}

/** One eligible member of the group, or a refusal: a membership of another group is a 404. */
export async function eligibleMember(
  tx: Reader,
  realmId: string,
  groupId: number,
  membershipId: number,
): Promise<EligibleMember | 'not-eligible'> {
  const [row] = await tableMembers(tx, realmId, groupId, Prisma.sql`m."id" = ${membershipId}`)
  if (!row) throw new NotFoundError('Membership', membershipId)
  if (!SERVING.includes(row.status)) return 'not-eligible'
  return { membershipId: row.membershipId, userId: row.userId, displayName: row.displayName }
}

/** The group's name and the users holding its LEADER post (who hear of a judgement). */
export async function groupAndLeaders(tx: Tx, realmId: string, groupId: number) {
  const group = await tx.group.findUniqueOrThrow({
    where: { id_realmId: { id: groupId, realmId } },
    select: { name: true },
  })
  const leaders = await tx.post.findMany({
    where: { realmId, postType: { kind: 'LEADER' }, membership: { groupId } },
    select: { membership: { select: { userId: true } } },
  })
  return { name: group.name, leaderIds: leaders.map((p) => p.membership.userId) }
}
