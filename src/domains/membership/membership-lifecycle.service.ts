import { inject, injectable } from 'tsyringe'
import { lockMembership, lockOrCreateMembership, type Tx } from '~/domains/group/row-locks'
import { NotificationService } from '~/domains/notification/notification.service'
import type { NotificationKind } from '~/generated/prisma/enums'
import type { Actor } from '~/server/auth/actor'
import type { PolicyResolver } from '~/server/auth/policy-resolver'
import { groupTarget } from '~/server/auth/scopes'
import type { RealmClient } from '~/server/db/client'
import { ACTOR, CLOCK, type Clock, POLICY_RESOLVER, PRISMA, REALM_ID } from '~/server/di/tokens'
import { InvalidStateError, NotFoundError, UnauthenticatedError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import {
  AddMemberInput,
  MembershipHistory,
  type MembershipHistoryEntry,
  MembershipRefInput,
  MembershipState,
  OwnMembershipInput,
} from './membership-lifecycle.schema'
import { MembershipPointsService } from './membership-points.service'
import { currentStatus, type MembershipAction, MembershipStateError, nextStatus } from './status'

interface Member {
  id: number
  groupId: number
  userId: number
}

/** What a membership change does besides its event: a check before it, work after it. */
interface Effects {
  before?: (tx: Tx, member: Member) => Promise<void>
  after?: (tx: Tx, member: Member) => Promise<void>
}

/**
 * The membership lifecycle (PRODUCT.md, "Memberships and posts"): every change is one dated
 * MembershipEvent with its actor, checked against the status derived from the history
 * (status.ts) while the membership row is locked. Two admins changing the same membership at once
 * are therefore serialised: the second sees the first's committed event and, if its change no
 * longer applies, gets a MembershipStateError (409) carrying the current status.
 */
@injectable()
export class MembershipLifecycleService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(ACTOR) private readonly actor: Actor,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(NotificationService) private readonly notifications: NotificationService,
    @inject(MembershipPointsService) private readonly points: MembershipPointsService,
    @inject(POLICY_RESOLVER) private readonly policies: PolicyResolver,
  ) {}

  /**
   * The calling user applies to the group: only if it accepts applications and the user is not a
   * member (an archived member, or one whose application was closed, becomes PENDING again). The
   * group's member admins are notified.
   */
  async apply(input: OwnMembershipInput): Promise<MembershipState> {
    const { groupId } = parseInput(OwnMembershipInput, input)
    const userId = this.actingUser()
    // The policy model is read before the transaction opens: it is read on a connection of its own.
    const admins = await this.memberAdmins(groupId)
    return this.db.$transaction(async (tx) => {
      const group = await this.group(tx, groupId)
      if (!group.acceptsApplications || group.archived)
        throw new InvalidStateError('The group does not accept applications', 'closed-to-applications')
      const member = { id: await lockOrCreateMembership(tx, this.realmId, groupId, userId), groupId, userId }
      const state = await this.change(tx, 'apply', member)
      const applicant = await tx.user.findUniqueOrThrow({
        where: { id_realmId: { id: userId, realmId: this.realmId } },
        select: { displayName: true },
      })
      await this.notifications.send(
        tx,
        admins.filter((id) => id !== userId),
        {
          kind: 'APPLICATION_RECEIVED',
          params: {
            groupId,
            groupName: group.name,
            membershipId: member.id,
            userId,
            userName: applicant.displayName,
          },
          link: `/groups/${groupId}`,
        },
      )
      return state
    })
  }

  /** The calling user withdraws their pending application (only without points in the group). */
  async withdraw(input: OwnMembershipInput): Promise<MembershipState> {
    const { groupId } = parseInput(OwnMembershipInput, input)
    const userId = this.actingUser()
    return this.db.$transaction(async (tx) => {
      const row = await tx.membership.findUnique({
        where: { realmId_groupId_userId: { realmId: this.realmId, groupId, userId } },
        select: { id: true },
      })
      if (!row) throw new MembershipStateError('withdraw', null)
      const member = await this.locked(tx, groupId, row.id)
      return this.change(tx, 'withdraw', member, { before: this.assertNoPoints })
    })
  }

  /** A leader adds a user to the group directly, as an active member. */
  async addMember(input: AddMemberInput): Promise<MembershipState> {
    const { groupId, userId } = parseInput(AddMemberInput, input)
    return this.db.$transaction(async (tx) => {
      await this.group(tx, groupId)
      const user = await tx.user.findUnique({
        where: { id_realmId: { id: userId, realmId: this.realmId } },
        select: { id: true },
      })
      if (!user) throw new NotFoundError('User', userId)
      const member = { id: await lockOrCreateMembership(tx, this.realmId, groupId, userId), groupId, userId }
      return this.change(tx, 'add', member)
    })
  }

  /** PENDING → NEWBIE; the member is notified. */
  accept(input: MembershipRefInput): Promise<MembershipState> {
    return this.adminChange(input, 'accept', { after: this.notify('MEMBERSHIP_ACCEPTED') })
  }

  /** PENDING → REJECTED, only if the applicant has no points in the group. */
  reject(input: MembershipRefInput): Promise<MembershipState> {
    return this.adminChange(input, 'reject', { before: this.assertNoPoints })
  }

  /** NEWBIE → ACTIVE. */
  promote(input: MembershipRefInput): Promise<MembershipState> {
    return this.adminChange(input, 'promote')
  }

  /**
   * NEWBIE or ACTIVE → FORMER. The member's posts go (only serving members hold posts), except
   * "former leader"; the leader must hand over leadership first. The member is notified.
   */
  makeFormer(input: MembershipRefInput): Promise<MembershipState> {
    return this.adminChange(input, 'makeFormer', {
      before: this.releasePosts,
      after: this.notify('MEMBERSHIP_FORMER'),
    })
  }

  /** FORMER → ACTIVE. */
  reactivate(input: MembershipRefInput): Promise<MembershipState> {
    return this.adminChange(input, 'reactivate')
  }

  /** FORMER → ARCHIVED; the member is notified. */
  archive(input: MembershipRefInput): Promise<MembershipState> {
    return this.adminChange(input, 'archive', {
      before: this.releasePosts,
      after: this.notify('MEMBERSHIP_ARCHIVED'),
    })
  }

  /** ARCHIVED → FORMER. */
  unarchive(input: MembershipRefInput): Promise<MembershipState> {
    return this.adminChange(input, 'unarchive')
  }

  /** Every change of the membership, oldest first, with who made it. */
  async history(input: MembershipRefInput): Promise<MembershipHistoryEntry[]> {
    const { groupId, membershipId } = parseInput(MembershipRefInput, input)
    const row = await this.db.membership.findFirst({
      where: { realmId: this.realmId, id: membershipId, groupId },
      select: {
        events: {
          select: { status: true, at: true, actor: { select: { id: true, displayName: true } } },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
        },
      },
    })
    if (!row) throw new NotFoundError('Membership', membershipId)
    return MembershipHistory.parse(
      row.events.map((e) => ({ ...e, actor: e.actor && { id: e.actor.id, name: e.actor.displayName } })),
    )
  }

  /** The calling user's own membership of the group now (to offer apply or withdraw), or null. */
  async mine(input: OwnMembershipInput): Promise<MembershipState | null> {
    const { groupId } = parseInput(OwnMembershipInput, input)
    const userId = this.actingUser()
    const row = await this.db.membership.findUnique({
      where: { realmId_groupId_userId: { realmId: this.realmId, groupId, userId } },
      select: { id: true, events: { select: { id: true, status: true, at: true } } },
    })
    const current = row && currentStatus(row.events)
    if (!row || !current) return null
    return MembershipState.parse({
      membershipId: row.id,
      groupId,
      userId,
      status: current.status,
      since: current.at,
    })
  }

  private adminChange(input: MembershipRefInput, action: MembershipAction, effects: Effects = {}) {
    const { groupId, membershipId } = parseInput(MembershipRefInput, input)
    return this.db.$transaction(async (tx) =>
      this.change(tx, action, await this.locked(tx, groupId, membershipId), effects),
    )
  }

  /**
   * Records `action` on a locked membership: its status now comes from its history; the new event
   * is dated no earlier than the newest one, so the history's order is the order of the changes
   * even when clocks differ (a tie goes to the later id, status.ts).
   */
  private async change(tx: Tx, action: MembershipAction, member: Member, effects: Effects = {}) {
    const events = await tx.membershipEvent.findMany({
      where: { realmId: this.realmId, membershipId: member.id },
      select: { id: true, status: true, at: true },
    })
    const last = currentStatus(events)
    const status = nextStatus(action, last?.status ?? null)
    if (!status) throw new MembershipStateError(action, last?.status ?? null)
    await effects.before?.(tx, member)
    const now = this.clock.now()
    const at = last && last.at > now ? last.at : now
    await tx.membershipEvent.create({
      data: { realmId: this.realmId, membershipId: member.id, status, at, actorId: this.actorOrNull() },
    })
    await effects.after?.(tx, member)
    return MembershipState.parse({
      membershipId: member.id,
      groupId: member.groupId,
      userId: member.userId,
      status,
      since: at,
    })
  }

  private async locked(tx: Tx, groupId: number, membershipId: number): Promise<Member> {
    if (!(await lockMembership(tx, this.realmId, groupId, membershipId)))
      throw new NotFoundError('Membership', membershipId)
    return tx.membership.findUniqueOrThrow({
      where: { id_realmId: { id: membershipId, realmId: this.realmId } },
      select: { id: true, groupId: true, userId: true },
    })
  }

  private async group(tx: Tx, groupId: number) {
    const group = await tx.group.findUnique({
      where: { id_realmId: { id: groupId, realmId: this.realmId } },
      select: { name: true, acceptsApplications: true, archived: true },
    })
    if (!group) throw new NotFoundError('Group', groupId)
    return group
  }

  private readonly assertNoPoints = async (tx: Tx, member: Member) => {
    if (await this.points.hasPoints(tx, member))
      throw new InvalidStateError(
        'A member with points in the group cannot withdraw or be rejected',
        'has-points',
      )
  }

  /** Takes the posts of a member who stops serving, keeping "former leader"; refused for the leader. */
  private readonly releasePosts = async (tx: Tx, member: Member) => {
    const where = { realmId: this.realmId, membershipId: member.id }
    const leader = await tx.post.count({ where: { ...where, postType: { kind: 'LEADER' } } })
    if (leader > 0)
      throw new InvalidStateError('The leader must hand over leadership first', 'leader-must-hand-over')
    await tx.post.deleteMany({ where: { ...where, postType: { kind: { not: 'FORMER_LEADER' } } } })
  }

  private notify(kind: NotificationKind) {
    return async (tx: Tx, member: Member) => {
      const group = await this.group(tx, member.groupId)
      await this.notifications.send(tx, [member.userId], {
        kind,
        params: { groupId: member.groupId, groupName: group.name, membershipId: member.id },
        link: `/groups/${member.groupId}`,
      })
    }
  }

  /**
   * Who hears of a new application: the holders of group:member-admin on the group, as the policy
   * engine explains it (the leader's and deputy's post templates, delegated policies). A grant on
   * anything (a superadmin) is not the group's own admin and would hear of every application.
   */
  private memberAdmins(groupId: number): Promise<number[]> {
    return this.policies.holders('group:member-admin', groupTarget(groupId))
  }

  private actingUser(): number {
    if (this.actor.kind !== 'user') throw new UnauthenticatedError()
    return this.actor.userId
  }

  private actorOrNull(): number | null {
    return this.actor.kind === 'user' ? this.actor.userId : null
  }
}
