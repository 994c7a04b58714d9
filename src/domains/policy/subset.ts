// Delegation: a child policy may hold only what its parent holds. Checked on every write.
import { ancestorsOf } from './engine'
import type { PolicyModel, Statement, StatementTarget } from './model'

/** Whether `parent` covers `child`: everything `child` reaches, `parent` reaches too. */
export function covers(
  parent: StatementTarget,
  child: StatementTarget,
  groupParent: PolicyModel['groupParent'],
): boolean {
  if (parent.kind === 'any') return true
  switch (child.kind) {
    case 'any':
      return false
    case 'self':
      return parent.kind === 'self'
    case 'user':
      return parent.kind === 'user' && parent.userId === child.userId
    case 'post-group':
      return parent.kind === 'post-group' && (parent.withDescendants || !child.withDescendants)
    case 'group': {
      if (parent.kind !== 'group') return false
      if (parent.groupId === child.groupId) return parent.withDescendants || !child.withDescendants
      return parent.withDescendants && ancestorsOf(groupParent, child.groupId).includes(parent.groupId)
    }
  }
}

/** The child's statements that its parent's statements do not cover (empty: the child is valid). */
export function uncovered(
  child: readonly Pick<Statement, 'scope' | 'target'>[],
  parent: readonly Pick<Statement, 'scope' | 'target'>[],
  groupParent: PolicyModel['groupParent'],
): Pick<Statement, 'scope' | 'target'>[] {
  // `supreme:sudo` on anything covers every statement (docs/decisions/0011).
  if (parent.some((p) => p.scope === 'supreme:sudo' && p.target.kind === 'any')) return []
  return child.filter(
    (c) => !parent.some((p) => p.scope === c.scope && covers(p.target, c.target, groupParent)),
  )
}
