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
  /** `policy:issue` under a held "can issue" policy: new policies under it, existing ones below it. */
  | { kind: 'policy'; policyId: number }

export interface Grant {
  scope: Scope
  target: GrantTarget
  /** The statement it comes from; null for `policy:issue`, which the "can issue" flag implies. */
  statementId: number | null
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

/**
 * Scopes that grant another one while the realm's period is not QUIET: the council's members see
 * evaluations outside the quiet period only (PRODUCT.md; docs/decisions/0017). The model carries the
 * period, and a period switch bumps the policy version, so no decision uses a lapsed grant.
 */
const OUTSIDE_QUIET: Partial<Record<Scope, Scope>> = { 'evaluation:oversee': 'evaluation:view' }

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
  const push = (grant: Grant) => {
    const list = grants.get(grant.scope)
    if (list) list.push(grant)
    else grants.set(grant.scope, [grant])
  }
  const issued = new Set<number>()
  const add = (statement: Statement, source: GrantSource, postGroupId: number | null) => {
    if (userId === null && statement.target.kind === 'self') return
    const target = concrete(statement.target, userId ?? 0, postGroupId)
    if (!target) return
    push({ scope: statement.scope, target, statementId: statement.id, source })
    const implied = model.quiet ? undefined : OUTSIDE_QUIET[statement.scope]
    if (implied) push({ scope: implied, target, statementId: statement.id, source })
  }
  const hold = (source: GrantSource) => {
    for (const s of byPolicy.get(source.policyId) ?? [])
      add(s, source, source.kind === 'post' ? source.groupId : null)
    const policy = model.policies.get(source.policyId)
    if (!policy?.canIssue || issued.has(policy.id)) return
    issued.add(policy.id)
    push({
      scope: 'policy:issue',
      target: { kind: 'policy', policyId: policy.id },
      statementId: null,
      source,
    })
  }
  for (const policy of model.policies.values()) {
    if (policy.audience === 'EVERYONE' || (policy.audience === 'AUTHENTICATED' && userId !== null))
      hold({ kind: 'audience', policyId: policy.id, audience: policy.audience })
  }
  if (userId === null) return grants
  for (const a of model.assignments) {
    if (a.userId === userId) hold({ kind: 'assignment', policyId: a.policyId })
  }
  for (const post of model.posts) {
    if (post.userId !== userId) continue
    for (const b of model.bindings) {
      if (b.postTypeId !== post.postTypeId) continue
      hold({ kind: 'post', policyId: b.policyId, postTypeId: post.postTypeId, groupId: post.groupId })
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

/** What a decision needs besides the snapshot: the group tree and the policy tree. */
export type Trees = Pick<PolicyModel, 'groupParent' | 'policies'>

/**
 * One scope's grants, indexed so a decision costs a few map lookups whatever the number of
 * statements or the depth of the tree: subtree grants are expanded to every descendant once, when
 * the snapshot first answers for that scope.
 */
type Chain = NonNullable<Explanation['chain']>

// Chains are built once here, so a decision allocates nothing.
interface ScopeIndex {
  any: Chain | undefined
  users: Map<number, Chain>
  groups: Map<number, Chain>
  /** Groups whose whole subtree a grant covers: a grant with descendants on them or an ancestor. */
  subtrees: Map<number, Chain>
  /** Policies at or below a held "can issue" policy (`policy:issue` only). */
  policies: Map<number, Chain>
}

const childrenByTree = new WeakMap<object, Map<number, number[]>>()
const indexesBySnapshot = new WeakMap<Snapshot, Map<Scope, ScopeIndex>>()

/** Children by parent id, computed once per tree (groups: id → parent; policies: id → policy). */
function childrenOf(key: object, parents: () => Iterable<[number, number | null]>): Map<number, number[]> {
  let children = childrenByTree.get(key)
  if (!children) {
    children = new Map()
    for (const [id, parent] of parents()) {
      if (parent === null) continue
      const list = children.get(parent)
      if (list) list.push(id)
      else children.set(parent, [id])
    }
    childrenByTree.set(key, children)
  }
  return children
}

/** Every node below `root` (not `root` itself), each once even in a corrupt tree with a cycle. */
function* below(root: number, children: Map<number, number[]>): Generator<number> {
  const seen = new Set([root])
  const queue = [...(children.get(root) ?? [])]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (seen.has(next)) continue
    seen.add(next)
    yield next
    queue.push(...(children.get(next) ?? []))
  }
}

function buildIndex(grants: readonly Grant[], trees: Trees): ScopeIndex {
  const index: ScopeIndex = {
    any: undefined,
    users: new Map(),
    groups: new Map(),
    subtrees: new Map(),
    policies: new Map(),
  }
  const groupChildren = childrenOf(trees.groupParent, () => trees.groupParent)
  for (const grant of grants) {
    const t = grant.target
    if (t.kind === 'any') index.any ??= { grant, throughAncestor: null }
    else if (t.kind === 'user') {
      if (!index.users.has(t.userId)) index.users.set(t.userId, { grant, throughAncestor: null })
    } else if (t.kind === 'group') {
      const chain = { grant, throughAncestor: null }
      index.groups.set(t.groupId, chain)
      if (t.withDescendants && !index.subtrees.has(t.groupId)) index.subtrees.set(t.groupId, chain)
    }
  }
  for (const grant of grants) {
    const t = grant.target
    if (t.kind === 'group' && t.withDescendants) {
      for (const id of below(t.groupId, groupChildren)) {
        const chain = { grant, throughAncestor: t.groupId }
        if (!index.groups.has(id)) index.groups.set(id, chain)
        if (!index.subtrees.has(id)) index.subtrees.set(id, chain)
      }
    } else if (t.kind === 'policy') {
      const policyChildren = childrenOf(trees.policies, () =>
        [...trees.policies.values()].map((p): [number, number | null] => [p.id, p.parentId]),
      )
      const chain = { grant, throughAncestor: null }
      for (const id of [t.policyId, ...below(t.policyId, policyChildren)])
        if (!index.policies.has(id)) index.policies.set(id, chain)
    }
  }
  return index
}

function indexFor(snapshot: Snapshot, trees: Trees, scope: Scope): ScopeIndex {
  let byScope = indexesBySnapshot.get(snapshot)
  if (!byScope) {
    byScope = new Map()
    indexesBySnapshot.set(snapshot, byScope)
  }
  let index = byScope.get(scope)
  if (!index) {
    index = buildIndex(snapshot.get(scope) ?? [], trees)
    byScope.set(scope, index)
  }
  return index
}

function lookup(index: ScopeIndex, trees: Trees, target: Target): Chain | undefined {
  if (index.any) return index.any
  switch (target.type) {
    case 'any':
      return undefined
    case 'user':
      return index.users.get(target.userId)
    case 'group':
      return index.groups.get(target.groupId)
    case 'subtree':
      return index.subtrees.get(target.groupId)
    case 'new-policy':
      return index.policies.get(target.parentId)
    case 'some-policy':
      return index.policies.values().next().value
    case 'some-group':
      return index.groups.values().next().value
    case 'policy': {
      // An existing policy strictly below a held one: its holder may not rewrite or re-assign
      // the "can issue" policy itself.
      const parentId = trees.policies.get(target.policyId)?.parentId
      return parentId === null || parentId === undefined ? undefined : index.policies.get(parentId)
    }
  }
}

/** The chain that allows it, if any: `supreme:sudo` on anything allows every scope on every target. */
function decisive(snapshot: Snapshot, trees: Trees, scope: Scope, target: Target): Chain | undefined {
  return (
    lookup(indexFor(snapshot, trees, scope), trees, target) ??
    (scope === 'supreme:sudo' ? undefined : indexFor(snapshot, trees, 'supreme:sudo').any)
  )
}

export function explain(snapshot: Snapshot, trees: Trees, scope: Scope, target: Target): Explanation {
  const chain = decisive(snapshot, trees, scope, target)
  return chain ? { allowed: true, chain } : { allowed: false, chain: null }
}

export function can(snapshot: Snapshot, trees: Trees, scope: Scope, target: Target): boolean {
  return decisive(snapshot, trees, scope, target) !== undefined
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
  const everyone = allowed(explain(snapshotOf(model, null, byPolicy), model, scope, target))
  // A logged-in user who holds nothing of their own; id 0 never names a real user.
  const loggedIn = allowed(explain(snapshotOf(model, 0, byPolicy), model, scope, target))
  const candidates = new Set<number>([
    ...model.assignments.map((a) => a.userId),
    ...model.posts.map((p) => p.userId),
  ])
  if (target.type === 'user') candidates.add(target.userId)
  const users = new Map<number, Explanation>()
  for (const userId of candidates) {
    const explanation = explain(snapshotOf(model, userId, byPolicy), model, scope, target)
    if (explanation.allowed) users.set(userId, explanation)
  }
  return { everyone, loggedIn, users }
}

/**
 * The policies a user may issue under, from the same index as the decisions: every policy at or
 * below a held "can issue" policy, each with the held policy it descends from. `policy:issue` on
 * anything (PéK admins) is not a subtree and is left out.
 */
export function issuable(snapshot: Snapshot, trees: Trees): Map<number, number> {
  const below = new Map<number, number>()
  for (const [policyId, chain] of indexFor(snapshot, trees, 'policy:issue').policies)
    if (chain.grant.target.kind === 'policy') below.set(policyId, chain.grant.target.policyId)
  return below
}

/** Everything a user may do, flattened for display. */
export function whatCan(snapshot: Snapshot): Grant[] {
  return [...snapshot.values()].flat()
}
