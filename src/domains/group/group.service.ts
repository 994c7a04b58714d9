import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
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
  ) {}

  async list(input: { status: 'active' | 'all'; filter: string }): Promise<GroupSummary[]> {
    const rows = await this.db.group.findMany({
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
        parent: { select: { id: true, name: true } },
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })
    return GroupList.parse(rows)
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
