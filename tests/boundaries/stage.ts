// Putting the world into the state an example needs, right before its call: the period, an
// evaluation's request statuses, a membership's history, or a row an earlier call deleted (put back
// with its id). Direct writes with the owner's client, so an example succeeds whatever ran before it
// — in any order, any number of times. They change the realm's period: use them in a realm of your
// own, never in the hub that other test files share.
import type { Period } from '~/domains/semester/semester.schema'
import type { MembershipStatus, RequestStatus } from '~/generated/prisma/enums'
import { createMembership, type Db } from '../factories/records'
import type { World } from './world'

/** What a preparation acts on: the world, and the user about to call (their own membership, say). */
export interface Stage {
  db: Db
  world: World
  callerId: number
}

export type Prepare = (s: Stage) => Promise<void>

/** The realm's period, and the requests of the circle's current evaluation. */
export const evaluationIn =
  (period: Period, requests: { pointStatus?: RequestStatus; entryStatus?: RequestStatus } = {}): Prepare =>
  async ({ db, world }) => {
    await db.semesterSettings.update({ where: { realmId: world.realmId }, data: { period } })
    await db.evaluation.update({
      where: { id_realmId: { id: world.evaluations.current, realmId: world.realmId } },
      data: { pointStatus: 'NOT_SUBMITTED', entryStatus: 'NOT_SUBMITTED', ...requests },
    })
  }

/** Runs preparations one after another. */
export const all =
  (...steps: Prepare[]): Prepare =>
  async (s) => {
    for (const step of steps) await step(s)
  }

/** The mover's membership history (memberships.mover) replaced by `statuses`, a day apart, in the past. */
export const moverHistory =
  (statuses: MembershipStatus[]): Prepare =>
  async ({ db, world }) => {
    const membershipId = world.memberships.mover
    await db.membershipEvent.deleteMany({ where: { realmId: world.realmId, membershipId } })
    await db.membershipEvent.createMany({
      data: statuses.map((status, i) => ({
        realmId: world.realmId,
        membershipId,
        status,
        at: new Date(Date.UTC(2025, 8, 1 + i)),
      })),
    })
  }

/** The caller has no membership of the circle (so they may apply). */
export const callerOutsideCircle: Prepare = async ({ db, world, callerId }) => {
  await db.membership.deleteMany({
    where: { realmId: world.realmId, groupId: world.groups.circle, userId: callerId },
  })
}

/** The caller's application to the circle is pending (so they may withdraw it). */
export const callerApplied: Prepare = async (s) => {
  await callerOutsideCircle(s)
  await createMembership(s.db, s.world.realmId, {
    groupId: s.world.groups.circle,
    userId: s.callerId,
    history: ['PENDING'],
  })
}

export const recruitOutsideCircle: Prepare = async ({ db, world }) => {
  await db.membership.deleteMany({
    where: { realmId: world.realmId, groupId: world.groups.circle, userId: world.users.recruit },
  })
}

/** memberA does not lead the circle (so leadership may be handed to them). */
export const memberANotLeader: Prepare = async ({ db, world }) => {
  await db.post.deleteMany({
    where: { realmId: world.realmId, membershipId: world.memberships.memberA, postType: { kind: 'LEADER' } },
  })
}

export const groupArchived =
  (archived: boolean): Prepare =>
  async ({ db, world }) => {
    await db.group.update({
      where: { id_realmId: { id: world.groups.archivable, realmId: world.realmId } },
      data: { archived },
    })
  }

/** The circle's data at the version the update example names. */
export const circleAtVersionZero: Prepare = async ({ db, world }) => {
  await db.group.update({
    where: { id_realmId: { id: world.groups.circle, realmId: world.realmId } },
    data: { version: 0 },
  })
}

export const targetProfileAtVersionZero: Prepare = async ({ db, world }) => {
  await db.profile.update({
    where: { userId_realmId: { userId: world.users.target, realmId: world.realmId } },
    data: { version: 0 },
  })
}

export const unregistered: Prepare = async ({ db, world }) => {
  await db.user.update({
    where: { id_realmId: { id: world.users.unregistered, realmId: world.realmId } },
    data: { screenName: null, screenNameKey: null },
  })
}

/** The sibling's current evaluation has no principles (so the previous ones may be copied). */
export const siblingWithoutPrinciples: Prepare = async ({ db, world }) => {
  await db.principle.deleteMany({
    where: { realmId: world.realmId, evaluationId: world.evaluations.siblingCurrent },
  })
}

export const sparePrincipleExists: Prepare = async ({ db, world }) => {
  const { realmId } = world
  const id = world.principles.spare
  await db.principle.upsert({
    where: { id_realmId: { id, realmId } },
    create: {
      id,
      realmId,
      evaluationId: world.evaluations.current,
      name: world.marker('Spare'),
      description: world.marker('SpareAbout'),
      category: 'RESPONSIBILITY',
      maxPoints: 10,
      position: 1,
    },
    update: {},
  })
}

export const deletablePostTypeExists: Prepare = async ({ db, world }) => {
  const { realmId } = world
  const id = world.postTypes.deletable
  await db.postType.upsert({
    where: { id_realmId: { id, realmId } },
    create: { id, realmId, groupId: world.groups.circle, kind: 'CUSTOM', name: world.marker('PostGone') },
    update: {},
  })
}

export const deletablePolicyExists: Prepare = async ({ db, world }) => {
  const { realmId } = world
  const id = world.policies.deletable
  await db.policy.upsert({
    where: { id_realmId: { id, realmId } },
    create: {
      id,
      realmId,
      name: world.marker('DeletablePolicy'),
      description: world.marker('DeletablePolicyAbout'),
      parentId: world.policies.issuer,
    },
    update: {},
  })
}

export const removableStatementExists: Prepare = async ({ db, world }) => {
  const { realmId } = world
  const id = world.statements.removable
  await db.policyStatement.upsert({
    where: { id_realmId: { id, realmId } },
    create: { id, realmId, policyId: world.policies.child, scope: 'group:view', targetKind: 'ANY' },
    update: {},
  })
}

/** Whether the target holds the child policy (assign needs them not to, revoke needs them to). */
export const targetHoldsChild =
  (holds: boolean): Prepare =>
  async ({ db, world }) => {
    const key = { realmId: world.realmId, policyId: world.policies.child, userId: world.users.target }
    if (holds)
      await db.policyAssignment.upsert({ where: { realmId_policyId_userId: key }, create: key, update: {} })
    else await db.policyAssignment.deleteMany({ where: key })
  }

/** The target's accounts are the world's two (add has room; remove finds its account). */
export const targetAccountsAsBuilt: Prepare = async ({ db, world }) => {
  const { realmId } = world
  const { main, removable } = world.externalAccounts
  await db.externalAccount.deleteMany({
    where: { realmId, userId: world.users.target, id: { notIn: [main, removable] } },
  })
  await db.externalAccount.upsert({
    where: { id_realmId: { id: removable, realmId } },
    create: {
      id: removable,
      realmId,
      userId: world.users.target,
      protocol: 'DISCORD',
      accountName: world.marker('AccountGone'),
    },
    update: {},
  })
}

export const switchScheduled: Prepare = async ({ db, world }) => {
  await db.semesterSwitch.update({
    where: { id_realmId: { id: world.switches.scheduled, realmId: world.realmId } },
    data: { status: 'SCHEDULED', cancelledAt: null, cancelledById: null },
  })
}

export const accountEnabled: Prepare = async ({ db, world }) => {
  await db.user.update({
    where: { id_realmId: { id: world.users.account, realmId: world.realmId } },
    data: { disabled: false },
  })
}
