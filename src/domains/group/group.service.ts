import { inject, injectable } from 'tsyringe'
import { Prisma } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import type { Sql } from '~/server/db/sql'
import { CLOCK, type Clock, PRISMA, REALM_ID, SQL } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { escapeLike } from '../search/search-terms'
import { previousSemester, type SemesterId, semesterOf, storedSemesterId } from '../semester/semester-id'
import { activityStableUntil, isProbablyInactive } from './activity'
import { DirectoryCache, type DirectoryStamp } from './directory-cache'
import {
  GroupDetail,
  GroupList,
  GroupPage,
  type GroupSummary,
  GroupTree,
  type GroupTreeNode,
  type GroupViewerRights,
} from './group.schema'
import { buildTree } from './tree'

/**
 * A row of the directory, read in one statement: the parent's name joined, and the semesters that
 * decide activity in which the group submitted an evaluation (an evaluation only visited, created
 * on first visit and never submitted, does not count). Raw because Prisma would send the parents
 * and the evaluations as statements of their own (issue 8); raw SQL bypasses the realm guard
 * (ADR 0003), so each table names the realm.
 */
interface DirectoryRow {
  id: number
  name: string
  shortDescription: string
  purpose: string
  archived: boolean
  createdAt: Date
  parentId: number | null
  parentName: string | null
  evaluated: string[]
}

/** The group directory: lists, the organisation tree and one group's public data. */
@injectable()
export class GroupService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(SQL) private readonly sql: Sql,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(DirectoryCache) private readonly cache: DirectoryCache,
  ) {}

  /** The directory; the unfiltered views come from the cache while nothing they show has changed. */
  async list(input: { status: 'active' | 'all'; filter: string }): Promise<readonly GroupSummary[]> {
    const stamp = await this.directoryStamp()
    const now = this.clock.now()
    if (input.filter) return this.build(input, stamp.semester, now).then(({ groups }) => groups)
    const key = `${this.realmId}:${input.status}`
    const cached = this.cache.get(key, stamp, now)
    if (cached) return cached
    const { groups, createdAts } = await this.build(input, stamp.semester, now)
    return this.cache.set(key, stamp, activityStableUntil(createdAts, now), groups)
  }

  private async build(
    input: { status: 'active' | 'all'; filter: string },
    current: SemesterId,
    now: Date,
  ): Promise<{ groups: GroupSummary[]; createdAts: Date[] }> {
    const previous = previousSemester(current)
    const rows = await this.sql.rows<DirectoryRow>(Prisma.sql`
      SELECT g.id, g.name, g."shortDescription", g.purpose::text AS purpose, g.archived, g."createdAt",
        g."parentId", p.name AS "parentName",
        ARRAY(SELECT e.semester FROM "Evaluation" e
              WHERE e."realmId" = g."realmId" AND e."groupId" = g.id
                AND e.semester IN (${previous}, ${previousSemester(previous)})
                AND e."pointStatus" <> 'NOT_SUBMITTED') AS evaluated
      FROM "Group" g LEFT JOIN "Group" p ON p."realmId" = g."realmId" AND p.id = g."parentId"
      WHERE g."realmId" = ${this.realmId}
        ${input.status === 'active' ? Prisma.sql`AND NOT g.archived` : Prisma.empty}
        ${input.filter ? Prisma.sql`AND g.name ILIKE ${`%${escapeLike(input.filter)}%`}` : Prisma.empty}
      ORDER BY g.name, g.id`)
    const groups = GroupList.parse(
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        shortDescription: row.shortDescription,
        purpose: row.purpose,
        archived: row.archived,
        parent: row.parentId === null ? null : { id: row.parentId, name: row.parentName ?? '' },
        probablyInactive: isProbablyInactive(
          row.createdAt,
          row.evaluated.map(storedSemesterId),
          now,
          current,
        ),
      })),
    )
    return { groups, createdAts: rows.map((row) => row.createdAt) }
  }

  /**
   * What the directory is built from right now, in one statement: the realm's directory version
   * and its current semester (the RVT leader's setting; the calendar's before one exists).
   */
  private async directoryStamp(): Promise<DirectoryStamp> {
    const [row] = await this.sql.rows<{ semester: string | null; version: number }>(Prisma.sql`
      SELECT s.semester, COALESCE(v.version, 0) AS version
      FROM (SELECT 1) AS one
      LEFT JOIN "SemesterSettings" s ON s."realmId" = ${this.realmId}
      LEFT JOIN "DirectoryVersion" v ON v."realmId" = ${this.realmId}`)
    const semester = row?.semester ? storedSemesterId(row.semester) : semesterOf(this.clock.now())
    return { version: row?.version ?? 0, semester }
  }

  async tree(): Promise<GroupTreeNode[]> {
    const rows = await this.db.group.findMany({
      where: { realmId: this.realmId },
      select: { id: true, name: true, purpose: true, archived: true, parentId: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })
    return GroupTree.parse(buildTree(rows))
  }

  /** The group page: the group's data and what the viewer may do there (the guard's answers). */
  async page(groupId: number, viewer: GroupViewerRights): Promise<GroupPage> {
    return GroupPage.parse({ ...(await this.row(groupId)), viewer })
  }

  async get(groupId: number): Promise<GroupDetail> {
    return GroupDetail.parse(await this.row(groupId))
  }

  /** One statement, parent and children as JSON: the page is read on every visit (fix 22). */
  private async row(groupId: number): Promise<Record<string, unknown>> {
    const [group] = await this.sql.rows<Record<string, unknown>>(Prisma.sql`
      SELECT g.id, g.name, g."shortDescription", g.purpose::text AS purpose, g."foundedYear", g.webpage,
        g."mailingList", g."acceptsApplications", g."showArchivedMembers", g.archived, g.version,
        CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name) END AS parent,
        COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'purpose', c.purpose,
                    'archived', c.archived) ORDER BY c.name, c.id)
                  FROM "Group" c WHERE c."realmId" = g."realmId" AND c."parentId" = g.id), '[]') AS children
      FROM "Group" g LEFT JOIN "Group" p ON p."realmId" = g."realmId" AND p.id = g."parentId"
      WHERE g."realmId" = ${this.realmId} AND g.id = ${groupId}`)
    if (!group) throw new NotFoundError('Group', groupId)
    return group
  }
}
