// The physical floor of each read entry point: the same data the app's service answers, fetched
// with hand-written SQL over pg (one statement per kind of row, relations aggregated in SQL) and
// shaped with the same pure functions (activity, group matching, caps). No ORM, no container, no
// validation, no access decisions: what is left is the database work and JSON.
import type pg from 'pg'
import { isProbablyInactive } from '~/domains/group/activity'
import { byPostOrder, postRank } from '~/domains/membership/post-order'
import { matchGroups } from '~/domains/search/group-match'
import { peopleSearchSql } from '~/domains/search/people-query'
import { SEARCH_PAGE_SIZE } from '~/domains/search/search.schema'
import { searchTerms } from '~/domains/search/search-terms'
import { capPoints } from '~/domains/semester/caps'
import { previousSemester, type SemesterId } from '~/domains/semester/semester-id'
import { userPhotoUrl } from '~/domains/user/photo-url'
import { screenNameKey } from '~/domains/user/registration.schema'
import { normalizeForSearch } from '~/domains/user/search-text'
import { byHungarian } from '~/shared/hungarian-order'

export interface ReadContext {
  db: pg.Pool
  realmId: string
  userId: number
  params: URLSearchParams
}

const int = (params: URLSearchParams, name: string) => Number(params.get(name))

const SINCE = `(SELECT min(e.at) FROM "MembershipEvent" e WHERE e."realmId" = m."realmId"
  AND e."membershipId" = m.id AND e.status IN ('NEWBIE', 'ACTIVE'))`
const POSTS = `COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'kind', t.kind))
  FROM "Post" p JOIN "PostType" t ON t."realmId" = p."realmId" AND t.id = p."postTypeId"
  WHERE p."realmId" = m."realmId" AND p."membershipId" = m.id), '[]')`

type Post = { id: number; name: string; kind: string }

async function currentSemester(db: pg.Pool, realmId: string): Promise<SemesterId> {
  const { rows } = await db.query<{ semester: SemesterId }>(
    `SELECT semester FROM "SemesterSettings" WHERE "realmId" = $1`,
    [realmId],
  )
  const semester = rows[0]?.semester
  if (!semester) throw new Error('no semester settings')
  return semester
}

export async function directory({ db, realmId }: ReadContext) {
  const current = await currentSemester(db, realmId)
  const previous = previousSemester(current)
  const [groups, evaluated] = await Promise.all([
    db.query<{ id: number; createdAt: Date; parentId: number | null; parentName: string | null }>(
      `SELECT g.id, g.name, g."shortDescription", g.purpose, g.archived, g."createdAt", p.id AS "parentId", p.name AS "parentName"
       FROM "Group" g LEFT JOIN "Group" p ON p."realmId" = g."realmId" AND p.id = g."parentId"
       WHERE g."realmId" = $1 AND NOT g.archived ORDER BY g.name, g.id`,
      [realmId],
    ),
    db.query<{ groupId: number; semester: SemesterId }>(
      `SELECT "groupId", semester FROM "Evaluation"
       WHERE "realmId" = $1 AND semester = ANY($2) AND "pointStatus" <> 'NOT_SUBMITTED'`,
      [realmId, [previous, previousSemester(previous)]],
    ),
  ])
  const bySemester = new Map<number, SemesterId[]>()
  for (const e of evaluated.rows)
    bySemester.set(e.groupId, [...(bySemester.get(e.groupId) ?? []), e.semester])
  const now = new Date()
  return groups.rows.map(({ createdAt, parentId, parentName, ...g }) => ({
    ...g,
    parent: parentId === null ? null : { id: parentId, name: parentName },
    probablyInactive: isProbablyInactive(createdAt, bySemester.get(g.id) ?? [], now, current),
  }))
}

export async function group({ db, realmId, params }: ReadContext) {
  const { rows } = await db.query(
    `SELECT g.id, g.name, g."shortDescription", g.purpose, g."foundedYear", g.webpage, g."mailingList",
       g."acceptsApplications", g."showArchivedMembers", g.archived, g.version,
       CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name) END AS parent,
       COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'purpose', c.purpose, 'archived', c.archived) ORDER BY c.name, c.id)
         FROM "Group" c WHERE c."realmId" = g."realmId" AND c."parentId" = g.id), '[]') AS children
     FROM "Group" g LEFT JOIN "Group" p ON p."realmId" = g."realmId" AND p.id = g."parentId"
     WHERE g."realmId" = $1 AND g.id = $2`,
    [realmId, int(params, 'groupId')],
  )
  return rows[0] ?? null
}

export async function roster({ db, realmId, params }: ReadContext) {
  const { rows } = await db.query<{ displayName: string; posts: Post[] }>(
    `SELECT m.id AS "membershipId", u.id AS "userId", u."displayName", u."screenName", m.status,
       m."statusAt" AS "statusSince", ${SINCE} AS since, ${POSTS} AS posts
     FROM "Membership" m JOIN "User" u ON u."realmId" = m."realmId" AND u.id = m."userId"
     WHERE m."realmId" = $1 AND m."groupId" = $2 AND m.status IN ('NEWBIE', 'ACTIVE')`,
    [realmId, int(params, 'groupId')],
  )
  for (const row of rows) row.posts.sort(byPostOrder)
  rows.sort((a, b) => postRank(a) - postRank(b) || byHungarian(a.displayName, b.displayName))
  return { members: rows, hidden: false }
}

const PRIVATE = ['gender', 'dateOfBirth', 'homeAddress', 'email', 'cellPhone', 'webpage', 'room'] as const

export async function profile({ db, realmId, userId, params }: ReadContext) {
  const target = int(params, 'userId')
  const { rows } = await db.query(
    `SELECT u.id, u."screenName", u."displayName", u.email, p."firstName", p."lastName", p.nickname,
       p.dormitory, p."studentStatus", p.gender, p."dateOfBirth", p."homeAddress", p."cellPhone", p.webpage,
       p.room, p."genderPublic", p."dateOfBirthPublic", p."homeAddressPublic", p."emailPublic",
       p."cellPhonePublic", p."webpagePublic", p."roomPublic",
       COALESCE((SELECT json_agg(json_build_object('id', a.id, 'protocol', a.protocol, 'accountName', a."accountName") ORDER BY a.protocol, a.id)
         FROM "ExternalAccount" a WHERE a."realmId" = u."realmId" AND a."userId" = u.id), '[]') AS "externalAccounts"
     FROM "User" u JOIN "Profile" p ON p."realmId" = u."realmId" AND p."userId" = u.id
     WHERE u."realmId" = $1 AND u.id = $2 AND u."screenName" IS NOT NULL`,
    [realmId, target],
  )
  const row = rows[0] as Record<string, unknown> | undefined
  if (!row) return null
  const full = userId === target
  for (const field of PRIVATE) if (!full && !row[`${field}Public`]) delete row[field]
  return { ...row, editable: full }
}

export async function profileGroups({ db, realmId, params }: ReadContext) {
  const { rows } = await db.query<{ status: string; since: Date | null; name: string; posts: Post[] }>(
    `SELECT m.id AS "membershipId", json_build_object('id', g.id, 'name', g.name) AS "group", g.name,
       m.status, ${SINCE} AS since, CASE WHEN m.status = 'FORMER' THEN m."statusAt" END AS until, ${POSTS} AS posts
     FROM "Membership" m JOIN "Group" g ON g."realmId" = m."realmId" AND g.id = m."groupId"
     WHERE m."realmId" = $1 AND m."userId" = $2 AND m.status IN ('NEWBIE', 'ACTIVE', 'FORMER')`,
    [realmId, int(params, 'userId')],
  )
  for (const row of rows) row.posts.sort(byPostOrder)
  const lasting = (m: { status: string }) => (m.status === 'FORMER' ? 1 : 0)
  rows.sort(
    (a, b) =>
      lasting(a) - lasting(b) ||
      (b.since?.getTime() ?? 0) - (a.since?.getTime() ?? 0) ||
      byHungarian(a.name, b.name),
  )
  return rows
}

export async function search({ db, realmId, params }: ReadContext) {
  const q = params.get('q') ?? ''
  const terms = searchTerms(q)
  const input = {
    realmId,
    terms,
    screenNameKeys: [...new Set([screenNameKey(q), normalizeForSearch(q)])],
    full: false,
    nowSeconds: Date.now() / 1000,
    limit: SEARCH_PAGE_SIZE,
    offset: 0,
  }
  const people = peopleSearchSql(input)
  const [found, groups] = await Promise.all([
    db.query<{ total: number; hits: { userId: number }[] }>(people.text, people.values),
    db.query(`SELECT id, name, purpose, archived FROM "Group" WHERE "realmId" = $1`, [realmId]),
  ])
  const matches = matchGroups(groups.rows, terms)
  return {
    q,
    page: 1,
    pageSize: SEARCH_PAGE_SIZE,
    people: {
      total: found.rows[0]?.total ?? 0,
      hits: (found.rows[0]?.hits ?? []).map((row) => ({ ...row, photoUrl: userPhotoUrl(row.userId) })),
    },
    groups: { total: matches.length, hits: matches.slice(0, SEARCH_PAGE_SIZE) },
  }
}

interface Settings {
  semester: SemesterId
  period: string
  workCap: number
  responsibilityCap: number
  totalCap: number
  zeroTotalsUpTo: number
  minimumTotal: number
}

export async function pointTable({ db, realmId, params }: ReadContext) {
  const groupId = int(params, 'groupId')
  const settings = (
    await db.query<Settings>(`SELECT * FROM "SemesterSettings" WHERE "realmId" = $1`, [realmId])
  ).rows[0]
  if (!settings) throw new Error('no semester settings')
  const find = () =>
    db.query<{ id: number }>(
      `SELECT id, "groupId", semester, "pointStatus", "entryStatus", report FROM "Evaluation"
       WHERE "realmId" = $1 AND "groupId" = $2 AND semester = $3`,
      [realmId, groupId, settings.semester],
    )
  let found = await find()
  if (!found.rows[0]) {
    await db.query(
      `INSERT INTO "Evaluation" ("realmId", "groupId", semester, "updatedAt") VALUES ($1, $2, $3, now())
       ON CONFLICT ("realmId", "groupId", semester) DO NOTHING`,
      [realmId, groupId, settings.semester],
    )
    found = await find()
  }
  const evaluation = found.rows[0]
  if (!evaluation) return null
  const where = [realmId, evaluation.id]
  const [principles, cells, cards, members, comments] = await Promise.all([
    db.query<{ id: number; category: string }>(
      `SELECT id, name, description, category, "maxPoints", position FROM "Principle"
       WHERE "realmId" = $1 AND "evaluationId" = $2 ORDER BY position, id`,
      where,
    ),
    db.query<{ principleId: number; membershipId: number; value: number }>(
      `SELECT "principleId", "membershipId", value FROM "PointCell" WHERE "realmId" = $1 AND "evaluationId" = $2`,
      where,
    ),
    db.query<{ membershipId: number; type: string; justification: string }>(
      `SELECT "membershipId", type, justification FROM "EntryCard" WHERE "realmId" = $1 AND "evaluationId" = $2`,
      where,
    ),
    db.query<{ membershipId: number; userId: number; displayName: string }>(
      `SELECT m.id AS "membershipId", u.id AS "userId", u."displayName"
       FROM "Membership" m JOIN "User" u ON u."realmId" = m."realmId" AND u.id = m."userId"
       WHERE m."realmId" = $1 AND m."groupId" = $2 AND m.status IN ('NEWBIE', 'ACTIVE')`,
      [realmId, groupId],
    ),
    db.query<{ principleId: number; membershipId: number; count: number }>(
      `SELECT "principleId", "membershipId", count(*)::int AS count FROM "CellComment"
       WHERE "realmId" = $1 AND "evaluationId" = $2 GROUP BY "principleId", "membershipId"`,
      where,
    ),
  ])
  const caps = {
    work: settings.workCap,
    responsibility: settings.responsibilityCap,
    total: settings.totalCap,
    zeroTotalsUpTo: settings.zeroTotalsUpTo,
    minimumTotal: settings.minimumTotal,
  }
  const category = new Map(principles.rows.map((p) => [p.id, p.category]))
  const rows = new Map(
    members.rows.map((m) => [
      m.membershipId,
      {
        ...m,
        cells: {} as Record<string, number>,
        comments: {} as Record<string, number>,
        sums: { work: 0, responsibility: 0 },
        entryCard: { type: 'KDO', justification: '' },
      },
    ]),
  )
  for (const c of cells.rows) {
    const row = rows.get(c.membershipId)
    const kind = category.get(c.principleId)
    if (!row || !kind) continue
    row.cells[String(c.principleId)] = c.value
    if (kind === 'WORK') row.sums.work += c.value
    else row.sums.responsibility += c.value
  }
  for (const c of comments.rows) {
    const row = rows.get(c.membershipId)
    if (row) row.comments[String(c.principleId)] = c.count
  }
  for (const c of cards.rows) {
    const row = rows.get(c.membershipId)
    if (row) row.entryCard = { type: c.type, justification: c.justification }
  }
  const table = [...rows.values()]
    .map((row) => ({ ...row, capped: capPoints(caps, row.sums) }))
    .sort((a, b) => byHungarian(a.displayName, b.displayName) || a.membershipId - b.membershipId)
  return {
    ...evaluation,
    period: settings.period,
    current: true,
    caps,
    principles: principles.rows,
    rows: table,
  }
}

export async function reviews({ db, realmId }: ReadContext) {
  const { rows } = await db.query<{ groupName: string; groupId: number }>(
    `SELECT e.id AS "evaluationId", g.id AS "groupId", g.name AS "groupName", g."parentId", e."pointStatus",
       e."entryStatus", e."pointSubmittedAt", e."entrySubmittedAt"
     FROM "Evaluation" e JOIN "Group" g ON g."realmId" = e."realmId" AND g.id = e."groupId"
     WHERE e."realmId" = $1 AND e.semester = (SELECT semester FROM "SemesterSettings" WHERE "realmId" = $1)`,
    [realmId],
  )
  return rows.sort((a, b) => byHungarian(a.groupName, b.groupName) || a.groupId - b.groupId)
}
