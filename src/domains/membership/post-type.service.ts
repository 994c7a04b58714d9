import { inject, injectable } from 'tsyringe'
import { type Tx, underGroupLock } from '~/domains/group/row-locks'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { ConflictError, InvalidStateError, NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { GroupIdInput } from '../group/group.schema'
import {
  CreatePostTypeInput,
  type GroupPostType,
  GroupPostTypeList,
  PostTypeRefInput,
  RenamePostTypeInput,
} from './post-type.schema'

/** Why a post type cannot be deleted: it is shared by every group, or someone holds it. */
export class PostTypeLockedError extends InvalidStateError {
  constructor(override readonly reason: 'shared' | 'in-use') {
    super(
      reason === 'shared' ? 'A shared post type cannot be deleted' : 'A post type in use cannot be deleted',
      reason,
    )
  }
}

/**
 * The post types `groupId` gives — the shared ones first, then its own, each by name — with the
 * number of the group's members holding each; `ids` narrows the list.
 */
export async function postTypesOf(
  db: Tx | RealmClient,
  realmId: string,
  groupId: number,
  ids?: number[],
): Promise<GroupPostType[]> {
  const rows = await db.postType.findMany({
    where: { realmId, OR: [{ groupId: null }, { groupId }], ...(ids ? { id: { in: ids } } : {}) },
    select: {
      id: true,
      name: true,
      kind: true,
      groupId: true,
      _count: { select: { posts: { where: { membership: { groupId } } } } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })
  const sharedFirst = (r: { groupId: number | null }) => (r.groupId === null ? 0 : 1)
  return GroupPostTypeList.parse(
    rows
      .sort((a, b) => sharedFirst(a) - sharedFirst(b))
      .map(({ _count, groupId: owner, ...type }) => ({
        ...type,
        shared: owner === null,
        holders: _count.posts,
      })),
  )
}

const nameTaken = () =>
  new ConflictError('A post type of this name exists in the group', { name: ['nameTaken'] })

/**
 * The post types a group gives: the shared ones (groupId null: leader, deputy, …) and the group's
 * own (kind CUSTOM). Writes lock the group row, like giving a post does, so a type is never deleted
 * while it is being given and two equal names cannot both be created.
 */
@injectable()
export class PostTypeService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  /** The shared types first, then the group's own, by name; each with its number of holders in the group. */
  async list(input: GroupIdInput): Promise<GroupPostType[]> {
    const { groupId } = parseInput(GroupIdInput, input)
    await this.assertGroup(this.db, groupId)
    return postTypesOf(this.db, this.realmId, groupId)
  }

  async create(input: CreatePostTypeInput): Promise<GroupPostType> {
    const { groupId, name } = parseInput(CreatePostTypeInput, input)
    return this.write(groupId, async (tx) => {
      await this.assertNameFree(tx, groupId, name)
      const { id } = await tx.postType.create({
        data: { realmId: this.realmId, groupId, kind: 'CUSTOM', name },
        select: { id: true },
      })
      return this.one(tx, groupId, id)
    })
  }

  async rename(input: RenamePostTypeInput): Promise<GroupPostType> {
    const { groupId, postTypeId, name } = parseInput(RenamePostTypeInput, input)
    return this.write(groupId, async (tx) => {
      await this.own(tx, groupId, postTypeId)
      await this.assertNameFree(tx, groupId, name, postTypeId)
      await tx.postType.updateMany({ where: { realmId: this.realmId, id: postTypeId }, data: { name } })
      return this.one(tx, groupId, postTypeId)
    })
  }

  /** Deletes one of the group's own post types; a shared one or one in use is refused. */
  async delete(input: PostTypeRefInput): Promise<void> {
    const { groupId, postTypeId } = parseInput(PostTypeRefInput, input)
    await this.write(groupId, async (tx) => {
      await this.own(tx, groupId, postTypeId)
      const held = await tx.post.count({ where: { realmId: this.realmId, postTypeId } })
      if (held > 0) throw new PostTypeLockedError('in-use')
      await tx.postType.deleteMany({ where: { realmId: this.realmId, id: postTypeId } })
    })
  }

  private write<T>(groupId: number, run: (tx: Tx) => Promise<T>): Promise<T> {
    return underGroupLock(this.db, this.realmId, groupId, run, nameTaken)
  }

  private async one(tx: Tx, groupId: number, postTypeId: number): Promise<GroupPostType> {
    const [type] = await postTypesOf(tx, this.realmId, groupId, [postTypeId])
    if (!type) throw new NotFoundError('PostType', postTypeId)
    return type
  }

  /** The group's own post type; a shared one is refused, any other is not found. */
  private async own(tx: Tx, groupId: number, postTypeId: number): Promise<void> {
    const type = await tx.postType.findUnique({
      where: { id_realmId: { id: postTypeId, realmId: this.realmId } },
      select: { groupId: true },
    })
    if (type?.groupId === null) throw new PostTypeLockedError('shared')
    if (type?.groupId !== groupId) throw new NotFoundError('PostType', postTypeId)
  }

  /** Unique within the group ignoring case, shared names included (a custom "Körvezető" would mislead). */
  private async assertNameFree(tx: Tx, groupId: number, name: string, except?: number): Promise<void> {
    const clash = await tx.postType.findFirst({
      where: {
        realmId: this.realmId,
        OR: [{ groupId: null }, { groupId }],
        name: { equals: name, mode: 'insensitive' },
        ...(except ? { id: { not: except } } : {}),
      },
      select: { id: true },
    })
    if (clash) throw nameTaken()
  }

  private async assertGroup(db: RealmClient, groupId: number): Promise<void> {
    const group = await db.group.findUnique({
      where: { id_realmId: { id: groupId, realmId: this.realmId } },
      select: { id: true },
    })
    if (!group) throw new NotFoundError('Group', groupId)
  }
}
