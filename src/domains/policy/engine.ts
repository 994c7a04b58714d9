// The policy engine: pure functions over a PolicyModel. `can`, `explain`, `whoCan` and `whatCan`
// all read the same grants, so they cannot disagree (a property test checks it anyway).
import type { Scope, Target } from '~/server/auth/scopes'
import type { PolicyModel, Statement, StatementTarget } from './model'

/** How a user came to hold a statement. */
export type GrantSource =
  | { kind: 'audience'; policyId: number; audience: 'EVERYONE' | 'AUTHENTICATED' }
  | { kind: 'assignment'; policyId: number }
  | { kind: 'post'; policyId: number; postTypeId: number; groupId: number }

/** A statement made concrete for one user: templates filled in with the post's group, `self` with the user. */
export type GrantTarget =
  | { kind: 'any' }
  | { kind: 'group'; groupId: number; withDescendants: boolean }
  | { kind: 'user'; userId: number }

export interface Grant {
  scope: Scope
  target: GrantTarget
  statementId: number
  source: GrantSource
}

/** One user's effective grants, by scope: what a request is decided on. */
export type Snapshot = ReadonlyMap<Scope, readonly Grant[]>

export interface Explanation {
  allowed: boolean
  /** The grant that allows it and, for a cascade, the ancestor group it was granted on. */
  chain: { grant: Grant; throughAncestor: number | null } | null
}

function concrete(target: StatementTarget, userId: number, postGroupId: number | null): GrantTarget | null {
  switch (target.kind) {
    case 'self':
      return { kind: 'user', userId }
    case 'post-group':
      return postGroupId === null
        ? null
        : { kind: 'group', groupId: postGroupId, withDescendants: target.withDescendants }
    default:
      return target
  }
}

function statementsByPolicy(model: PolicyModel): Map<number, Statement[]> {
  const byPolicy = new Map<number, Statement[]>()
  for (const s of model.statements) {
    const list = byPolicy.get(s.policyId)
    if (list) list.push(s)
    else byPolicy.set(s.policyId, [s])
  }
  return byPolicy
}

/**
 * Every grant a user holds — through an audience policy, a direct assignment or a post — or, for
 * `null`, what an anonymous visitor holds (the EVERYONE policies).
 */
export function snapshotOf(
  model: PolicyModel,
  userId: number | null,
  byPolicy = statementsByPolicy(model),
): Snapshot {
  const grants = new Map<Scope, Grant[]>()
  const add = (statement: Statement, source: GrantSource, postGroupId: number | null) => {
    if (userId === null && statement.target.kind === 'self') return
    const target = concrete(statement.target, userId ?? 0, postGroupId)
    if (!target) return
    const grant = { scope: statement.scope, target, statementId: statement.id, source }
    const list = grants.get(statement.scope)
    if (list) list.push(grant)
    else grants.set(statement.scope, [grant])
  }
  for (const policy of model.policies.values()) {
    if (policy.audience === 'EVERYONE' || (policy.audience === 'AUTHENTICATED' && userId !== null)) {
      for (const s of byPolicy.get(policy.id) ?? [])
        add(s, { kind: 'audience', policyId: policy.id, audience: policy.audience }, null)
    }
  }
  if (userId === null) return grants
  for (const a of model.assignments) {
    if (a.userId !== userId) continue
    for (const s of byPolicy.get(a.policyId) ?? []) add(s, { kind: 'assignment', policyId: a.policyId }, null)
  }
  for (const post of model.posts) {
    if (post.userId !== userId) continue
    for (const b of model.bindings) {
      if (b.postTypeId !== post.postTypeId) continue
      const source: GrantSource = {
        kind: 'post',
        policyId: b.policyId,
        postTypeId: post.postTypeId,
        groupId: post.groupId,
      }
      for (const s of byPolicy.get(b.policyId) ?? []) add(s, source, post.groupId)
    }
  }
  return grants
}

/** The group and its ancestors, nearest first; stops on a cycle rather than looping. */
export function ancestorsOf(groupParent: PolicyModel['groupParent'], groupId: number): number[] {
  const chain: number[] = []
  let current: number | null | undefined = groupId
  while (current !== null && current !== undefined && !chain.includes(current)) {
    chain.push(current)
    current = groupParent.get(current)
  }
  return chain
}

/**
 * One scope's grants, indexed so a decision costs a few map lookups whatever the number of
 * statements or the depth of the tree: subtree grants are expanded to every descendant once, when
 * the snapshot first answers for that scope.
 */
interface ScopeIndex {
  any: Grant | undefined
  users: Map<number, Grant>
  groups: Map<number, { grant: Grant; throughAncestor: number | null }>
}

const childrenByTree = new WeakMap<PolicyModel['groupParent'], Map<number, number[]>>()
const indexesBySnapshot = new WeakMap<Snapshot, Map<Scope, ScopeIndex>>()

function childrenOf(groupParent: PolicyModel['groupParent']): Map<number, number[]> {
  let children = childrenByTree.get(groupParent)
  if (!children) {
    children = new Map()
    for (const [id, parent] of groupParent) {
      if (parent === null) continue
      const list = children.get(parent)
      if (list) list.push(id)
      else children.set(parent, [id])
    }
    childrenByTree.set(groupParent, children)
  }
  return children
}

function buildIndex(grants: readonly Grant[], children: Map<number, number[]>): ScopeIndex {
  const index: ScopeIndex = { any: undefined, users: new Map(), groups: new Map() }
  for (const grant of grants) {
    const t = grant.target
    if (t.kind === 'any') index.any ??= grant
    else if (t.kind === 'user') {
      if (!index.users.has(t.userId)) index.users.set(t.userId, grant)
    } else index.groups.set(t.groupId, { grant, throughAncestor: null })
  }
  for (const grant of grants) {
    const t = grant.target
    if (t.kind !== 'group' || !t.withDescendants) continue
    const seen = new Set([t.groupId])
    const queue = [...(children.get(t.groupId) ?? [])]
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (seen.has(next)) continue
      seen.add(next)
      if (!index.groups.has(next)) index.groups.set(next, { grant, throughAncestor: t.groupId })
      queue.push(...(children.get(next) ?? []))
    }
  }
  return index
}

function indexFor(snapshot: Snapshot, groupParent: PolicyModel['groupParent'], scope: Scope): ScopeIndex {
  let byScope = indexesBySnapshot.get(snapshot)
  if (!byScope) {
    byScope = new Map()
    indexesBySnapshot.set(snapshot, byScope)
  }
  let index = byScope.get(scope)
  if (!index) {
    index = buildIndex(snapshot.get(scope) ?? [], childrenOf(groupParent))
    byScope.set(scope, index)
  }
  return index
}

function lookup(index: ScopeIndex, target: Target): Explanation['chain'] {
  if (index.any) return { grant: index.any, throughAncestor: null }
  if (target.type === 'user') {
    const grant = index.users.get(target.userId)
    return grant ? { grant, throughAncestor: null } : null
  }
  return target.type === 'group' ? (index.groups.get(target.groupId) ?? null) : null
}

export function explain(
  snapshot: Snapshot,
  groupParent: PolicyModel['groupParent'],
  scope: Scope,
  target: Target,
): Explanation {
  const chain = lookup(indexFor(snapshot, groupParent, scope), target)
  if (chain) return { allowed: true, chain }
  // `supreme:sudo` on anything allows every scope on every target.
  const sudo = scope === 'supreme:sudo' ? undefined : indexFor(snapshot, groupParent, 'supreme:sudo').any
  return sudo
    ? { allowed: true, chain: { grant: sudo, throughAncestor: null } }
    : { allowed: false, chain: null }
}

export function can(
  snapshot: Snapshot,
  groupParent: PolicyModel['groupParent'],
  scope: Scope,
  target: Target,
) {
  return explain(snapshot, groupParent, scope, target).allowed
}

export interface WhoCan {
  /** Allowed for every visitor (an EVERYONE policy), with the chain. */
  everyone: Explanation | null
  /** Allowed for every logged-in user (an AUTHENTICATED policy), with the chain. */
  loggedIn: Explanation | null
  /** Users allowed through something of their own: an assignment, a post, or a SELF statement. */
  users: Map<number, Explanation>
}

/** Who holds `scope` on `target`, each with the chain that grants it. */
export function whoCan(model: PolicyModel, scope: Scope, target: Target): WhoCan {
  const byPolicy = statementsByPolicy(model)
  const allowed = (e: Explanation) => (e.allowed ? e : null)
  const everyone = allowed(explain(snapshotOf(model, null, byPolicy), model.groupParent, scope, target))
  // A logged-in user who holds nothing of their own; id 0 never names a real user.
  const loggedIn = allowed(explain(snapshotOf(model, 0, byPolicy), model.groupParent, scope, target))
  const candidates = new Set<number>([
    ...model.assignments.map((a) => a.userId),
    ...model.posts.map((p) => p.userId),
  ])
  if (target.type === 'user') candidates.add(target.userId)
  const users = new Map<number, Explanation>()
  for (const userId of candidates) {
    const explanation = explain(snapshotOf(model, userId, byPolicy), model.groupParent, scope, target)
    if (explanation.allowed) users.set(userId, explanation)
  }
  return { everyone, loggedIn, users }
}

/** Everything a user may do, flattened for display. */
export function whatCan(snapshot: Snapshot): Grant[] {
  return [...snapshot.values()].flat()
}
