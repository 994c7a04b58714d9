// Statements and targets turned into display values: ids with the names of what they point at.
import type { GrantTarget } from './engine'
import type { Statement, StatementTarget } from './model'
import type { StatementView, TargetView } from './policy-admin.schema'

export interface Names {
  groups: ReadonlyMap<number, string>
  users: ReadonlyMap<number, string>
  /** Only grants name policies as targets (`policy:issue`); statements never do. */
  policies?: ReadonlyMap<number, { name: string }>
}

export function targetView(target: StatementTarget | GrantTarget, names: Names): TargetView {
  const groupId = target.kind === 'group' ? target.groupId : null
  const userId = target.kind === 'user' ? target.userId : null
  const policyId = target.kind === 'policy' ? target.policyId : null
  return {
    kind: target.kind,
    groupId,
    groupName: groupId === null ? null : (names.groups.get(groupId) ?? null),
    userId,
    userName: userId === null ? null : (names.users.get(userId) ?? null),
    policyId,
    policyName: policyId === null ? null : (names.policies?.get(policyId)?.name ?? null),
    withDescendants: 'withDescendants' in target ? target.withDescendants : false,
  }
}

export function statementView(statement: Statement, names: Names): StatementView {
  return { id: statement.id, scope: statement.scope, target: targetView(statement.target, names) }
}

/** One line for an error message: which statements a rule refused, readable without the UI. */
export function describeStatement(statement: Pick<Statement, 'scope' | 'target'>): string {
  const t = statement.target
  const on = (() => {
    switch (t.kind) {
      case 'any':
        return 'anything'
      case 'self':
        return 'the holder'
      case 'user':
        return `user ${t.userId}`
      case 'group':
        return `group ${t.groupId}${t.withDescendants ? ' and its descendants' : ''}`
      case 'post-group':
        return `the post's group${t.withDescendants ? ' and its descendants' : ''}`
    }
  })()
  return `${statement.scope} on ${on}`
}
