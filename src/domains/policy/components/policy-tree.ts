// The policy tree from the flat list the server sends: children by parent, depth-first order, subtrees.
import type { PolicySummary } from '../policy-admin.schema'

export type ChildrenByParent = ReadonlyMap<number | null, PolicySummary[]>

export function childrenByParent(policies: PolicySummary[]): ChildrenByParent {
  const children = new Map<number | null, PolicySummary[]>()
  for (const p of policies) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p])
  return children
}

/** The policies the tree starts from: the root, or in a part of the tree those whose parent is not in it. */
export function topOf(policies: PolicySummary[]): PolicySummary[] {
  const listed = new Set(policies.map((p) => p.id))
  return policies.filter((p) => p.parentId === null || !listed.has(p.parentId))
}

/** Every policy as the tree shows it (parents before their children), with its depth from the root. */
export function inTreeOrder(policies: PolicySummary[]): { policy: PolicySummary; depth: number }[] {
  const children = childrenByParent(policies)
  const walk = (parentId: number | null, depth: number): { policy: PolicySummary; depth: number }[] =>
    (children.get(parentId) ?? []).flatMap((policy) => [{ policy, depth }, ...walk(policy.id, depth + 1)])
  return walk(null, 0)
}

/** The ids of every policy below this one. */
export function descendantIds(policies: PolicySummary[], policyId: number): Set<number> {
  const children = childrenByParent(policies)
  const below = new Set<number>()
  const visit = (id: number) => {
    for (const child of children.get(id) ?? []) {
      below.add(child.id)
      visit(child.id)
    }
  }
  visit(policyId)
  return below
}
