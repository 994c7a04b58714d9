import { inject, injectable } from 'tsyringe'
import type { Prisma } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { ConflictError, NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { GroupIdInput } from './group.schema'
import { CreateGroupInput, GroupData, MoveGroupInput, UpdateGroupInput } from './group-management.schema'
import { lockGroupTree, type Tx } from './row-locks'
import { GroupPlacementError, type PlacedGroup, placementProblem } from './tree-rules'

const DATA_SELECT = {
  id: true,
  parentId: true,
  name: true,
  shortDescription: true,
  purpose: true,
  foundedYear: true,
  webpage: true,
  mailingList: true,
  acceptsApplications: true,
  showArchivedMembers: true,
  archived: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const

/**
 * Creating, editing, moving and archiving groups. Every change of the tree (create, move, archive,
 * unarchive) runs under the realm's tree lock and checks the tree rules of tree-rules.ts against the
 * state after the lock. The policy version follows tree changes by database trigger.
 */
@injectable()
export class GroupManagementService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  /** A top-level group (`parentId` null) or a subgroup; never under an archived group. */
  async create(input: CreateGroupInput): Promise<GroupData> {
    const { parentId, ...fields } = parseInput(CreateGroupInput, input)
    return this.treeChange(async (tx, tree) => {
      this.assertPlaceable(tree, null, parentId)
      const row = await tx.group.create({
        data: { realmId: this.realmId, parentId, ...fields },
        select: DATA_SELECT,
      })
      return GroupData.parse(row)
    })
  }

  /**
   * Replaces the group's own data (name, description, purpose, links, flags) if it is still at
   * `version`: of two edits from the same version one wins, the other is a 409 with the current one.
   */
  async update(input: UpdateGroupInput): Promise<GroupData> {
    const { groupId, version, ...fields } = parseInput(UpdateGroupInput, input)
    return this.db.$transaction(async (tx) => {
      const written = await tx.group.updateMany({
        where: { realmId: this.realmId, id: groupId, version },
        data: { ...fields, version: { increment: 1 } },
      })
      if (written.count === 0) {
        const current = await tx.group.findFirst({
          where: { realmId: this.realmId, id: groupId },
          select: { version: true },
        })
        if (!current) throw new NotFoundError('Group', groupId)
        throw new ConflictError(
          `The group was changed meanwhile (version ${current.version}, not ${version})`,
        )
      }
      return GroupData.parse(
        await tx.group.findFirstOrThrow({
          where: { realmId: this.realmId, id: groupId },
          select: DATA_SELECT,
        }),
      )
    })
  }

  /** Moves the group under `parentId` (null: to the top); refused for a cycle or an archived parent. */
  async move(input: MoveGroupInput): Promise<GroupData> {
    const { groupId, parentId } = parseInput(MoveGroupInput, input)
    return this.treeChange(async (tx, tree) => {
      this.existing(tree, groupId)
      this.assertPlaceable(tree, groupId, parentId)
      return this.write(tx, groupId, { parentId })
    })
  }

  /** Archives the group; refused while any of its subgroups is not archived. */
  async archive(input: GroupIdInput): Promise<GroupData> {
    const { groupId } = parseInput(GroupIdInput, input)
    return this.treeChange(async (tx, tree) => {
      this.existing(tree, groupId)
      for (const child of tree.values())
        if (child.parentId === groupId && !child.archived) throw new GroupPlacementError('active-children')
      return this.write(tx, groupId, { archived: true })
    })
  }

  /** Unarchives the group; refused while its parent is archived. */
  async unarchive(input: GroupIdInput): Promise<GroupData> {
    const { groupId } = parseInput(GroupIdInput, input)
    return this.treeChange(async (tx, tree) => {
      const group = this.existing(tree, groupId)
      if (group.parentId !== null && tree.get(group.parentId)?.archived)
        throw new GroupPlacementError('archived-parent')
      return this.write(tx, groupId, { archived: false })
    })
  }

  /** Runs a tree change under the tree lock, with the tree as it is after the lock. */
  private treeChange<T>(change: (tx: Tx, tree: Map<number, PlacedGroup>) => Promise<T>): Promise<T> {
    return this.db.$transaction(async (tx) => {
      await lockGroupTree(tx, this.realmId)
      const rows = await tx.group.findMany({
        where: { realmId: this.realmId },
        select: { id: true, parentId: true, archived: true },
      })
      return change(tx, new Map(rows.map(({ id, ...placed }) => [id, placed])))
    })
  }

  private existing(tree: ReadonlyMap<number, PlacedGroup>, groupId: number): PlacedGroup {
    const group = tree.get(groupId)
    if (!group) throw new NotFoundError('Group', groupId)
    return group
  }

  private assertPlaceable(
    tree: ReadonlyMap<number, PlacedGroup>,
    groupId: number | null,
    parentId: number | null,
  ) {
    if (parentId !== null) this.existing(tree, parentId)
    const problem = placementProblem(tree, groupId, parentId)
    if (problem) throw new GroupPlacementError(problem)
  }

  private async write(
    tx: Tx,
    groupId: number,
    data: Prisma.GroupUncheckedUpdateManyInput,
  ): Promise<GroupData> {
    const where = { realmId: this.realmId, id: groupId }
    const { count } = await tx.group.updateMany({ where, data })
    if (count === 0) throw new NotFoundError('Group', groupId)
    return GroupData.parse(await tx.group.findFirstOrThrow({ where, select: DATA_SELECT }))
  }
}
