import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { previousSemester, type SemesterId, semesterOf, storedSemesterId } from '../semester/semester-id'
import { isProbablyInactive } from './activity'
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

/** The group directory: lists, the organisation tree and one group's public data. */
@injectable()
export class GroupService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(input: { status: 'active' | 'all'; filter: string }): Promise<GroupSummary[]> {
    const current = await this.semester()
    const [rows, evaluated] = await Promise.all([this.listed(input), this.evaluated(current)])
    const names = await this.withParentNames(rows)
    const now = this.clock.now()
    return GroupList.parse(
      rows.map(({ createdAt, parentId, ...row }) => ({
        ...row,
        parent: parentId === null ? null : { id: parentId, name: names.get(parentId) ?? '' },
        probablyInactive: isProbablyInactive(createdAt, evaluated.get(row.id) ?? [], now, current),
      })),
    )
  }

  /**
   * The names of the listed groups and of their parents. Most parents are in the list itself; only
   * those it leaves out (filtered out, or archived under the active view) are read, instead of every
   * parent again through a relation — a statement with each group's id as a parameter (issue 8).
   */
  private async withParentNames(rows: { id: number; name: string; parentId: number | null }[]) {
    const names = new Map(rows.map((r) => [r.id, r.name]))
    const missing = [
      ...new Set(rows.flatMap((r) => (r.parentId === null || names.has(r.parentId) ? [] : [r.parentId]))),
    ]
    if (missing.length) {
      const parents = await this.db.group.findMany({
        where: { realmId: this.realmId, id: { in: missing } },
        select: { id: true, name: true },
      })
      for (const parent of parents) names.set(parent.id, parent.name)
    }
    return names
  }

  private listed(input: { status: 'active' | 'all'; filter: string }) {
    return this.db.group.findMany({
      where: {
        realmId: this.realmId,
        ...(input.status === 'active' ? { archived: false } : {}),
        ...(input.filter ? { name: { contains: input.filter, mode: 'insensitive' as const } } : {}),
      },
      select: {
        id: true,
        name: true,
        shortDescription: true,
        purpose: true,
        archived: true,
        createdAt: true,
        parentId: true,
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })
  }

  /** The realm's current semester (the RVT leader's setting; the calendar's before one exists). */
  private async semester(): Promise<SemesterId> {
    const settings = await this.db.semesterSettings.findUnique({
      where: { realmId: this.realmId },
      select: { semester: true },
    })
    return settings ? storedSemesterId(settings.semester) : semesterOf(this.clock.now())
  }

  /**
   * The semesters in which each group submitted an evaluation, among the two that decide activity.
   * An evaluation only visited (created on first visit, never submitted) does not count.
   */
  private async evaluated(current: SemesterId): Promise<Map<number, SemesterId[]>> {
    const previous = previousSemester(current)
    const rows = await this.db.evaluation.findMany({
      where: {
        realmId: this.realmId,
        semester: { in: [previous, previousSemester(previous)] },
        pointStatus: { not: 'NOT_SUBMITTED' },
      },
      select: { groupId: true, semester: true },
    })
    const byGroup = new Map<number, SemesterId[]>()
    for (const row of rows)
      byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), storedSemesterId(row.semester)])
    return byGroup
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
    return GroupPage.parse({ ...(await this.get(groupId)), viewer })
  }

  async get(groupId: number): Promise<GroupDetail> {
    const group = await this.db.group.findUnique({
      where: { id_realmId: { id: groupId, realmId: this.realmId } },
      include: {
        parent: { select: { id: true, name: true } },
        children: {
          select: { id: true, name: true, purpose: true, archived: true },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        },
      },
    })
    if (!group) throw new NotFoundError('Group', groupId)
    return GroupDetail.parse(group)
  }
}
