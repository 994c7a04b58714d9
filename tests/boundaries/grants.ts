// Granting exactly one right, the way the policy model expresses it (ADR 0011, 0012): a policy of
// its own under the root with one statement on the target — anything, one group (without its
// descendants), a group with its descendants (a subtree), one user — assigned to the user; `policy:issue` on a policy is held through a
// "can issue" policy above it, so the user is assigned that one (it states nothing but a public
// scope, ./world.ts). Also: the same kind of target that is not this one, and the scopes that would
// grant a scope by themselves.
import { can, snapshotOf } from '~/domains/policy/engine'
import type { PolicyModel } from '~/domains/policy/model'
import { ANY_TARGET, SCOPE_NAMES, type Scope, type Target } from '~/server/auth/scopes'
import { createUser, type Db } from '../factories/records'
import type { World } from './world'

let grants = 0

/** A new user of the world's realm, holding nothing. */
export async function newUser(db: Db, world: World): Promise<number> {
  return (await createUser(db, world.realmId)).id
}

/** Lets `userId` do `scope` on `target` and nothing else (beyond what every visitor may). */
export async function grantExactly(db: Db, world: World, userId: number, scope: Scope, target: Target) {
  switch (target.type) {
    case 'any':
      return grantStatements(db, world, userId, [scope], { targetKind: 'ANY' })
    case 'group':
      return grantStatements(db, world, userId, [scope], { targetKind: 'GROUP', groupId: target.groupId })
    case 'subtree':
      return grantStatements(db, world, userId, [scope], {
        targetKind: 'GROUP',
        groupId: target.groupId,
        withDescendants: true,
      })
    case 'user':
      return grantStatements(db, world, userId, [scope], { targetKind: 'USER', userId: target.userId })
    case 'policy':
    case 'new-policy': {
      if (scope !== 'policy:issue') throw new Error(`no statement grants ${scope} on a policy`)
      const policyId =
        target.type === 'new-policy' ? target.parentId : await parentOf(db, world, target.policyId)
      return assign(db, world, userId, policyId)
    }
    default:
      throw new Error(`no way to grant ${scope} on ${target.type}: teach tests/boundaries/grants.ts`)
  }
}

/** `scopes` on anything, in one policy of their own. */
export function grantEverywhere(db: Db, world: World, userId: number, scopes: readonly Scope[]) {
  return grantStatements(db, world, userId, scopes, { targetKind: 'ANY' })
}

/** A target of the same kind that is not `target`; null for anything (it has no other). */
export function otherTarget(world: World, target: Target): Target | null {
  const { groups, users, policies } = world
  switch (target.type) {
    case 'any':
      return null
    case 'group':
      return { type: 'group', groupId: target.groupId === groups.sibling ? groups.circle : groups.sibling }
    case 'subtree':
      // Another resort: a subtree overlapping this one would share its groups.
      return {
        type: 'subtree',
        groupId: target.groupId === groups.otherResort ? groups.resort : groups.otherResort,
      }
    case 'user':
      return { type: 'user', userId: target.userId === users.other ? users.target : users.other }
    case 'policy':
      return {
        type: 'policy',
        policyId: target.policyId === policies.outsideChild ? policies.child : policies.outsideChild,
      }
    case 'new-policy':
      return {
        type: 'new-policy',
        parentId: target.parentId === policies.outside ? policies.issuer : policies.outside,
      }
    default:
      throw new Error(`no other target for ${target.type}: teach tests/boundaries/grants.ts`)
  }
}

/**
 * The scopes that give `scope` by themselves, in some period, as the policy engine decides:
 * `supreme:sudo`, and period-bound grants (`evaluation:oversee` gives `evaluation:view` outside QUIET).
 */
export function scopesGranting(scope: Scope): Scope[] {
  const policies = new Map([[1, { id: 1, name: 'one', parentId: null, canIssue: false, audience: null }]])
  return SCOPE_NAMES.filter(
    (held) =>
      held !== scope &&
      [true, false].some((quiet) => {
        const model: PolicyModel = {
          policies,
          statements: [{ id: 1, policyId: 1, scope: held, target: { kind: 'any' } }],
          assignments: [{ policyId: 1, userId: 1 }],
          bindings: [],
          posts: [],
          groupParent: new Map(),
          quiet,
        }
        return can(snapshotOf(model, 1), model, scope, ANY_TARGET)
      }),
  )
}

async function grantStatements(
  db: Db,
  world: World,
  userId: number,
  scopes: readonly Scope[],
  target: {
    targetKind: 'ANY' | 'GROUP' | 'USER'
    groupId?: number
    userId?: number
    withDescendants?: boolean
  },
) {
  const { realmId } = world
  const policy = await db.policy.create({
    data: { realmId, name: `grant ${userId} ${++grants} ${world.idBase}`, parentId: world.policies.root },
  })
  await db.policyStatement.createMany({
    data: scopes.map((scope) => ({ realmId, policyId: policy.id, scope, ...target })),
  })
  await assign(db, world, userId, policy.id)
}

async function assign(db: Db, world: World, userId: number, policyId: number) {
  await db.policyAssignment.create({ data: { realmId: world.realmId, policyId, userId } })
}

/** The "can issue" policy right above `policyId`, whose holders issue it. */
async function parentOf(db: Db, world: World, policyId: number): Promise<number> {
  const { parent } = await db.policy.findUniqueOrThrow({
    where: { id_realmId: { id: policyId, realmId: world.realmId } },
    select: { parent: { select: { id: true, canIssue: true } } },
  })
  if (!parent?.canIssue) throw new Error(`policy ${policyId} has no "can issue" parent to issue it through`)
  return parent.id
}
