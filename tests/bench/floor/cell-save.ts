// The physical floor of a point cell save: the same locks and checks as EvaluationService.setCell
// (the settings, the evaluation and the principle held FOR SHARE; the member serving; the value
// written only over the one its editor saw) in the fewest statements pg allows.
import type pg from 'pg'

export interface CellWrite {
  groupId: number
  evaluationId: number
  principleId: number
  membershipId: number
  value: number
  expected: number
}

export type CellOutcome = { status: 200; body: unknown } | { status: 400 | 404 | 409; body: unknown }

export async function saveCell(
  db: pg.Pool,
  realmId: string,
  userId: number,
  w: CellWrite,
): Promise<CellOutcome> {
  const client = await db.connect()
  try {
    await client.query('BEGIN')
    const locked = await client.query<{
      period: string
      semester: string
      evSemester: string
      pointStatus: string
      maxPoints: number
      status: string | null
    }>(
      `SELECT s.period, s.semester, e.semester AS "evSemester", e."pointStatus", p."maxPoints",
         (SELECT m.status::text FROM "Membership" m
          WHERE m."realmId" = $1 AND m.id = $5 AND m."groupId" = $3) AS status
       FROM "SemesterSettings" s, "Evaluation" e, "Principle" p
       WHERE s."realmId" = $1 AND e."realmId" = $1 AND e.id = $2 AND e."groupId" = $3
         AND p."realmId" = $1 AND p.id = $4 AND p."evaluationId" = e.id
       FOR SHARE OF s, e, p`,
      [realmId, w.evaluationId, w.groupId, w.principleId, w.membershipId],
    )
    const row = locked.rows[0]
    const refusal = !row
      ? 404
      : row.period !== 'SUBMISSION' || row.pointStatus !== 'NOT_SUBMITTED' || row.evSemester !== row.semester
        ? 409
        : w.value > row.maxPoints
          ? 400
          : row.status !== 'NEWBIE' && row.status !== 'ACTIVE'
            ? 409
            : null
    if (refusal) {
      await client.query('ROLLBACK')
      return { status: refusal, body: { refused: true } }
    }
    const written = await client.query<{ value: number; updatedAt: Date }>(
      `INSERT INTO "PointCell" ("realmId", "evaluationId", "principleId", "membershipId", value, "updatedAt", "updatedById")
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT ("realmId", "principleId", "membershipId") DO UPDATE
         SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt", "updatedById" = EXCLUDED."updatedById"
         WHERE "PointCell".value = $7 OR "PointCell".value = EXCLUDED.value
       RETURNING value, "updatedAt"`,
      [realmId, w.evaluationId, w.principleId, w.membershipId, w.value, userId, w.expected],
    )
    await client.query('COMMIT')
    const cell = written.rows[0]
    if (!cell) return { status: 409, body: { changed: true } }
    return { status: 200, body: { principleId: w.principleId, membershipId: w.membershipId, ...cell } }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
