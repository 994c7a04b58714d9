import { inject, injectable } from 'tsyringe'
import { isScope } from '~/server/auth/scopes'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import type { PolicyModel, Statement, StatementTarget } from './model'

type StatementRow = {
  id: number
  policyId: number
  scope: string
  targetKind: 'ANY' | 'GROUP' | 'USER' | 'SELF' | 'POST_GROUP'
  groupId: number | null
  userId: number | null
  withDescendants: boolean
}

/** A stored statement as the engine sees it; a row that names no valid target is skipped, never widened. */
export function toStatement(row: StatementRow): Statement | null {
  if (!isScope(row.scope)) return null
  const target = ((): StatementTarget | null => {
    switch (row.targetKind) {
      case 'ANY':
        return { kind: 'any' }
      case 'SELF':
        return { kind: 'self' }
      case 'POST_GROUP':
        return { kind: 'post-group', withDescendants: row.withDescendants }
      case 'GROUP':
        return row.groupId === null
          ? null
          : { kind: 'group', groupId: row.groupId, withDescendants: row.withDescendants }
      case 'USER':
        return row.userId === null ? null : { kind: 'user', userId: row.userId }
    }
  })()
  return target && { id: row.id, policyId: row.policyId, scope: row.scope, target }
}

/** Loads the realm's whole policy model: a handful of queries, done once per policy version. */
@injectable()
export class PolicyModelService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  async load(): Promise<PolicyModel> {
    const where = { realmId: this.realmId }
    const [policies, statements, assignments, bindings, posts, groups, settings] = await Promise.all([
      this.db.policy.findMany({
        where,
        select: { id: true, name: true, parentId: true, canIssue: true, audience: true },
      }),
      this.db.policyStatement.findMany({ where }),
      this.db.policyAssignment.findMany({ where, select: { policyId: true, userId: true } }),
      this.db.postTypePolicy.findMany({ where, select: { postTypeId: true, policyId: true } }),
      this.db.post.findMany({
        where,
        select: { postTypeId: true, membership: { select: { userId: true, groupId: true } } },
      }),
      this.db.group.findMany({ where, select: { id: true, parentId: true } }),
      this.db.semesterSettings.findUnique({ where, select: { period: true } }),
    ])
    return {
      policies: new Map(policies.map((p) => [p.id, p])),
      statements: statements.flatMap((row) => toStatement(row) ?? []),
      assignments,
      bindings,
      posts: posts.map((p) => ({ postTypeId: p.postTypeId, ...p.membership })),
      groupParent: new Map(groups.map((g) => [g.id, g.parentId])),
      // A realm without its settings row yet is in QUIET, the row's default.
      quiet: (settings?.period ?? 'QUIET') === 'QUIET',
    }
  }
}
