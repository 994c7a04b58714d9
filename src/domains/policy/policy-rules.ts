// The rules the policy admin enforces on every write, as pure functions over plain rows.
import type { StatementTargetInput } from './policy-admin.schema'

/** Every policy below `policyId`, deepest first (the order they can be deleted in). */
export function descendantsOf<P extends { id: number; parentId: number | null }>(
  policies: readonly P[],
  policyId: number,
): P[] {
  const found: P[] = []
  let level = policies.filter((p) => p.parentId === policyId)
  while (level.length > 0) {
    found.unshift(...level)
    const ids = new Set(level.map((p) => p.id))
    // A cycle cannot exist (moves refuse it), but a corrupt tree must not loop forever.
    level = policies.filter((p) => p.parentId !== null && ids.has(p.parentId) && !found.includes(p))
  }
  return found
}

/** The columns a statement target is stored in. */
export function targetColumns(target: StatementTargetInput) {
  return {
    targetKind: target.kind,
    groupId: target.kind === 'GROUP' ? target.groupId : null,
    userId: target.kind === 'USER' ? target.userId : null,
    withDescendants: 'withDescendants' in target ? target.withDescendants : false,
  }
}
