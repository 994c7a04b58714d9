import { inject, injectable } from 'tsyringe'
import { lockMembership, type Tx, underGroupLock } from '~/domains/group/row-locks'
import type { MembershipStatus, PostKind } from '~/generated/prisma/enums'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { ConflictError, InvalidStateError, NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { byHungarian } from '~/shared/hungarian-order'
import { GroupIdInput } from '../group/group.schema'
import {
  HandOverInput,
  HandOverResult,
  PostCellInput,
  PostGrid,
  type PostGridRow,
  PostInput,
} from './member-post.schema'
import { memberRows } from './member-rows'
import { postTypesOf } from './post-type.service'
import { currentStatus, MembershipStateError, SERVING } from './status'

/** A group has one financial officer at most; the database refuses a second as well (migration trigger). */
export class FinancialOfficerTakenError extends ConflictError {
  constructor() {
    super('The group already has a financial officer', { postTypeId: ['financialOfficerTaken'] })
  }
}

/** The leader post changes hands only by handing it over, never by the grid. */
export class LeadershipByHandOverError extends InvalidStateError {
  constructor() {
    super('Leadership changes hands only by handing it over', 'leader-by-hand-over')
  }
}

/**
 * Giving and taking posts, the members × post types grid, and handing over leadership. Every write
 * locks the group row and then the memberships it touches, so post rules (one financial officer,
 * one leader hand-over at a time, posts only for serving members) are checked on committed state.
 */
@injectable()
export class MemberPostService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  /** The grid of the group's serving members (newbie, active) × the post types it gives. */
  async grid(input: GroupIdInput): Promise<PostGrid> {
    const { groupId } = parseInput(GroupIdInput, input)
    const group = await this.db.group.findUnique({
      where: { id_realmId: { id: groupId, realmId: this.realmId } },
      select: { id: true },
    })
    if (!group) throw new NotFoundError('Group', groupId)
    const [postTypes, rows] = await Promise.all([
      postTypesOf(this.db, this.realmId, groupId),
      memberRows(this.db, this.realmId, { groupId }, SERVING),
    ])
    const members = rows.map(({ membershipId, userId, displayName, status, posts }) => ({
      membershipId,
      userId,
      displayName,
      status,
      postTypeIds: ascending(posts.map((p) => p.id)),
    }))
    members.sort((a, b) => byHungarian(a.displayName, b.displayName) || a.membershipId - b.membershipId)
    return PostGrid.parse({ postTypes, members })
  }

  /** Sets one cell of the grid: gives the post (`held`) or takes it. Setting it as it is changes nothing. */
  async setCell(input: PostCellInput): Promise<PostGridRow> {
    const { groupId, membershipId, postTypeId, held } = parseInput(PostCellInput, input)
    return this.write(groupId, async (tx) => {
      const kind = await this.postKind(tx, groupId, postTypeId)
      if (kind === 'LEADER') throw new LeadershipByHandOverError()
      const status = await this.lockedStatus(tx, groupId, membershipId)
      const where = { realmId: this.realmId, membershipId, postTypeId }
      if (held) {
        // Only serving members hold posts; a former member may still lose one ("former leader").
        if (!status || !SERVING.includes(status)) throw new MembershipStateError('givePost', status)
        if (kind === 'FINANCIAL_OFFICER') await this.assertNoOtherFinancialOfficer(tx, groupId, membershipId)
        await tx.post.createMany({ data: [where], skipDuplicates: true })
      } else {
        await tx.post.deleteMany({ where })
      }
      return this.row(tx, membershipId)
    })
  }

  give(input: PostInput): Promise<PostGridRow> {
    return this.setCell({ ...parseInput(PostInput, input), held: true })
  }

  take(input: PostInput): Promise<PostGridRow> {
    return this.setCell({ ...parseInput(PostInput, input), held: false })
  }

  /**
   * In one transaction: the member gets the leader post, and whoever held it loses it and gets
   * "former leader". The new leader must be a serving member and not the leader already.
   */
  async handOverLeadership(input: HandOverInput): Promise<HandOverResult> {
    const { groupId, membershipId } = parseInput(HandOverInput, input)
    return this.write(groupId, async (tx) => {
      const status = await this.lockedStatus(tx, groupId, membershipId)
      if (!status || !SERVING.includes(status)) throw new MembershipStateError('handOverLeadership', status)
      const leaderType = await this.sharedType(tx, 'LEADER')
      const formerType = await this.sharedType(tx, 'FORMER_LEADER')
      const leaders = await tx.post.findMany({
        where: { realmId: this.realmId, postTypeId: leaderType, membership: { groupId } },
        select: { membershipId: true },
        orderBy: { membershipId: 'asc' },
      })
      const formerLeaders = leaders.map((p) => p.membershipId)
      if (formerLeaders.includes(membershipId))
        throw new InvalidStateError('The member is the leader already', 'already-leader')
      for (const id of formerLeaders) await lockMembership(tx, this.realmId, groupId, id)
      await tx.post.deleteMany({
        where: { realmId: this.realmId, postTypeId: leaderType, membershipId: { in: formerLeaders } },
      })
      await tx.post.createMany({
        data: formerLeaders.map((id) => ({
          realmId: this.realmId,
          membershipId: id,
          postTypeId: formerType,
        })),
        skipDuplicates: true,
      })
      await tx.post.create({ data: { realmId: this.realmId, membershipId, postTypeId: leaderType } })
      return HandOverResult.parse({ leader: membershipId, formerLeaders })
    })
  }

  /** Runs a post write under the group's lock; the database's financial-officer rule becomes its typed error. */
  private write<T>(groupId: number, run: (tx: Tx) => Promise<T>): Promise<T> {
    return underGroupLock(this.db, this.realmId, groupId, run, () => new FinancialOfficerTakenError())
  }

  /** Locks the group's membership and answers its current status (null: no history). */
  private async lockedStatus(
    tx: Tx,
    groupId: number,
    membershipId: number,
  ): Promise<MembershipStatus | null> {
    if (!(await lockMembership(tx, this.realmId, groupId, membershipId)))
      throw new NotFoundError('Membership', membershipId)
    const events = await tx.membershipEvent.findMany({
      where: { realmId: this.realmId, membershipId },
      select: { id: true, status: true, at: true },
    })
    return currentStatus(events)?.status ?? null
  }

  /** The kind of a post type the group gives (shared, or its own); another group's is not found. */
  private async postKind(tx: Tx, groupId: number, postTypeId: number): Promise<PostKind> {
    const type = await tx.postType.findUnique({
      where: { id_realmId: { id: postTypeId, realmId: this.realmId } },
      select: { groupId: true, kind: true },
    })
    if (!type || (type.groupId !== null && type.groupId !== groupId))
      throw new NotFoundError('PostType', postTypeId)
    return type.kind
  }

  private async sharedType(tx: Tx, kind: PostKind): Promise<number> {
    const type = await tx.postType.findFirst({
      where: { realmId: this.realmId, groupId: null, kind },
      select: { id: true },
    })
    if (!type) throw new NotFoundError('PostType', kind)
    return type.id
  }

  private async assertNoOtherFinancialOfficer(tx: Tx, groupId: number, membershipId: number) {
    const other = await tx.post.findFirst({
      where: {
        realmId: this.realmId,
        postType: { kind: 'FINANCIAL_OFFICER' },
        membership: { groupId },
        membershipId: { not: membershipId },
      },
      select: { id: true },
    })
    if (other) throw new FinancialOfficerTakenError()
  }

  private async row(tx: Tx, membershipId: number): Promise<PostGridRow> {
    const posts = await tx.post.findMany({
      where: { realmId: this.realmId, membershipId },
      select: { postTypeId: true },
    })
    return { membershipId, postTypeIds: ascending(posts.map((p) => p.postTypeId)) }
  }
}

const ascending = (ids: number[]) => ids.sort((a, b) => a - b)
