// Writes a planned dataset into a freshly migrated database (the standard policies and shared post
// types come from the migrations) in one transaction of bulk INSERTs. Triggers are off while it
// loads (session_replication_role = replica): the rows are consistent by construction, and the
// foreign-key and policy-version triggers would only make the load several times slower. What a
// trigger would keep is written here: each membership's current status (ADR 0031).
import type pg from 'pg'
import { currentStatus } from '~/domains/membership/status'
import { screenNameKey } from '~/domains/user/registration.schema'
import { advanceSequence, insertRows } from '../../factories/bulk-insert'
import { profileColumns } from '../../factories/residents'
import type { DatasetPlan } from './plan'
import { ADMIN_USER, COUNCIL_USER } from './plan-directory'

export const REALM = 'hub'
const date = (ms: number | null) => (ms === null ? null : new Date(ms))

/** The factories' bulk writer takes Prisma's raw-SQL method; the load runs on a plain pg client. */
const rawSql = (client: pg.ClientBase) => ({
  $executeRawUnsafe: async (sql: string, ...values: unknown[]) =>
    (await client.query(sql, values)).rowCount ?? 0,
})

export interface LoadSummary {
  users: number
  groups: number
  memberships: number
  events: number
  posts: number
  evaluations: number
  principles: number
  cells: number
  entryCards: number
}

export async function loadDataset(client: pg.ClientBase, plan: DatasetPlan): Promise<LoadSummary> {
  const loadedAt = new Date(plan.time.now)
  const events = plan.memberships.flatMap((m) => m.events.map((e) => ({ ...e, membershipId: m.id })))
  // Each membership's current status, as the triggers would keep it: its events get their ids in
  // this order, so the position stands in for the id.
  const current = new Map(
    plan.memberships.map((m) => [
      m.id,
      currentStatus(m.events.map((e, id) => ({ id, status: e.status, at: new Date(e.at) }))),
    ]),
  )
  const db = rawSql(client)
  await client.query('BEGIN')
  try {
    await client.query("SET LOCAL session_replication_role = 'replica'")
    await insertRows(
      db,
      'User',
      REALM,
      [
        { name: 'id', type: 'int', value: (u) => u.id },
        { name: 'subject', type: 'text', value: (u) => u.subject },
        { name: 'displayName', type: 'text', value: (u) => u.displayName },
        { name: 'email', type: 'text', value: (u) => u.email },
        { name: 'screenName', type: 'text', value: (u) => u.screenName },
        {
          name: 'screenNameKey',
          type: 'text',
          value: (u) => (u.screenName ? screenNameKey(u.screenName) : null),
        },
        { name: 'lastLoginAt', type: 'timestamp(3)', value: (u) => date(u.lastLoginAt) },
        { name: 'updatedAt', type: 'timestamp(3)', value: () => loadedAt },
      ],
      plan.users,
    )
    await insertRows(
      db,
      'Profile',
      REALM,
      profileColumns(() => loadedAt),
      plan.users,
    )
    await insertRows(
      db,
      'Group',
      REALM,
      [
        { name: 'id', type: 'int', value: (g) => g.id },
        { name: 'name', type: 'text', value: (g) => g.name },
        { name: 'shortDescription', type: 'text', value: (g) => `${g.name} – a Schönherz közösségéért.` },
        { name: 'purpose', type: '"GroupPurpose"', value: (g) => g.purpose },
        { name: 'parentId', type: 'int', value: (g) => g.parentId },
        { name: 'foundedYear', type: 'int', value: (g) => g.foundedYear },
        { name: 'archived', type: 'boolean', value: (g) => g.archived },
        { name: 'createdAt', type: 'timestamp(3)', value: (g) => date(g.createdAt) },
        { name: 'updatedAt', type: 'timestamp(3)', value: () => loadedAt },
      ],
      plan.groups,
    )
    await insertRows(
      db,
      'Membership',
      REALM,
      [
        { name: 'id', type: 'int', value: (m) => m.id },
        { name: 'groupId', type: 'int', value: (m) => m.groupId },
        { name: 'userId', type: 'int', value: (m) => m.userId },
        { name: 'createdAt', type: 'timestamp(3)', value: (m) => date(m.createdAt) },
        { name: 'status', type: '"MembershipStatus"', value: (m) => current.get(m.id)?.status ?? null },
        { name: 'statusAt', type: 'timestamp(3)', value: (m) => current.get(m.id)?.at ?? null },
      ],
      plan.memberships,
    )
    await insertRows(
      db,
      'MembershipEvent',
      REALM,
      [
        { name: 'membershipId', type: 'int', value: (e) => e.membershipId },
        { name: 'status', type: '"MembershipStatus"', value: (e) => e.status },
        { name: 'at', type: 'timestamp(3)', value: (e) => date(e.at) },
      ],
      events,
    )
    const postTypes = await client.query<{ id: number; kind: string }>(
      `SELECT id, kind::text FROM "PostType" WHERE "realmId" = $1 AND "groupId" IS NULL`,
      [REALM],
    )
    const postType = new Map(postTypes.rows.map((t) => [t.kind, t.id]))
    await insertRows(
      db,
      'Post',
      REALM,
      [
        { name: 'membershipId', type: 'int', value: (p) => p.membershipId },
        { name: 'postTypeId', type: 'int', value: (p) => postType.get(p.kind) ?? null },
      ],
      plan.posts,
    )
    await insertRows(
      db,
      'Evaluation',
      REALM,
      [
        { name: 'id', type: 'int', value: (e) => e.id },
        { name: 'groupId', type: 'int', value: (e) => e.groupId },
        { name: 'semester', type: 'text', value: (e) => plan.time.semesters[e.semesterIndex] ?? null },
        { name: 'pointStatus', type: '"RequestStatus"', value: (e) => e.pointStatus },
        { name: 'entryStatus', type: '"RequestStatus"', value: (e) => e.entryStatus },
        { name: 'createdAt', type: 'timestamp(3)', value: (e) => date(e.createdAt) },
        { name: 'updatedAt', type: 'timestamp(3)', value: (e) => date(e.judgedAt ?? e.createdAt) },
        { name: 'pointSubmittedAt', type: 'timestamp(3)', value: (e) => date(e.submittedAt) },
        { name: 'entrySubmittedAt', type: 'timestamp(3)', value: (e) => date(e.submittedAt) },
        { name: 'judgedAt', type: 'timestamp(3)', value: (e) => date(e.judgedAt) },
      ],
      plan.evaluations,
    )
    await insertRows(
      db,
      'Principle',
      REALM,
      [
        { name: 'id', type: 'int', value: (p) => p.id },
        { name: 'evaluationId', type: 'int', value: (p) => p.evaluationId },
        { name: 'name', type: 'text', value: (p) => p.name },
        { name: 'category', type: '"PrincipleCategory"', value: (p) => p.category },
        { name: 'maxPoints', type: 'int', value: (p) => p.maxPoints },
        { name: 'position', type: 'int', value: (p) => p.position },
      ],
      plan.principles,
    )
    await insertRows(
      db,
      'PointCell',
      REALM,
      [
        { name: 'evaluationId', type: 'int', value: (c) => c.evaluationId },
        { name: 'principleId', type: 'int', value: (c) => c.principleId },
        { name: 'membershipId', type: 'int', value: (c) => c.membershipId },
        { name: 'value', type: 'int', value: (c) => c.value },
      ],
      plan.cells,
    )
    const justification = 'Kiemelkedő munka a félév során.'
    await insertRows(
      db,
      'EntryCard',
      REALM,
      [
        { name: 'evaluationId', type: 'int', value: (c) => c.evaluationId },
        { name: 'membershipId', type: 'int', value: (c) => c.membershipId },
        { name: 'type', type: '"EntryType"', value: (c) => c.type },
        { name: 'justification', type: 'text', value: () => justification },
        { name: 'final', type: 'boolean', value: (c) => c.final },
        { name: 'finalType', type: '"EntryType"', value: (c) => (c.final ? c.type : null) },
        { name: 'finalJustification', type: 'text', value: (c) => (c.final ? justification : null) },
      ],
      plan.entryCards,
    )
    for (const [userId, policy] of [
      [COUNCIL_USER, 'RVT-elnök'],
      [ADMIN_USER, 'PéK-adminisztrátor'],
    ] as const) {
      await client.query(
        `INSERT INTO "PolicyAssignment" ("realmId", "policyId", "userId")
         SELECT $1, id, $2 FROM "Policy" WHERE "realmId" = $1 AND name = $3`,
        [REALM, userId, policy],
      )
    }
    for (const table of ['User', 'Group', 'Membership', 'Evaluation', 'Principle'])
      await advanceSequence(db, table)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
  // The statuses written above must be what the triggers would have kept: the newest event's.
  const { rows: wrong } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Membership" m
     LEFT JOIN LATERAL (
       SELECT e."status", e."at" FROM "MembershipEvent" e
       WHERE e."realmId" = m."realmId" AND e."membershipId" = m."id" ORDER BY e."at" DESC, e."id" DESC LIMIT 1) cur ON true
     WHERE m."realmId" = $1 AND (m."status", m."statusAt") IS DISTINCT FROM (cur."status", cur."at")`,
    [REALM],
  )
  if (wrong[0]?.n)
    throw new Error(`${wrong[0].n} memberships were loaded with another status than their newest event's`)
  // Outside the load's transaction, with the triggers on: the period change bumps the policy version.
  await client.query(
    `UPDATE "SemesterSettings" SET semester = $2, period = 'SUBMISSION' WHERE "realmId" = $1`,
    [REALM, plan.time.semesters.at(-1)],
  )
  await client.query('ANALYZE')
  return {
    users: plan.users.length,
    groups: plan.groups.length,
    memberships: plan.memberships.length,
    events: events.length,
    posts: plan.posts.length,
    evaluations: plan.evaluations.length,
    principles: plan.principles.length,
    cells: plan.cells.length,
    entryCards: plan.entryCards.length,
  }
}
