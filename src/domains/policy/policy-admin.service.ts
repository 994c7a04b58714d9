import { inject, injectable } from 'tsyringe'
import type { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import type { Actor } from '~/server/auth/actor'
import type { RealmClient } from '~/server/db/client'
import { ACTOR, PRISMA, REALM_ID } from '~/server/di/tokens'
import { ConflictError, InvalidStateError, NotFoundError } from '~/server/errors'
import type { Statement } from './model'
import {
  type AddStatementInput,
  AuditPage,
  type CreatePolicyInput,
  DeletePreview,
  type MovePolicyInput,
  PolicyDetail,
  PolicySummary,
  type RenamePolicyInput,
  type StatementTargetInput,
  type StatementView,
} from './policy-admin.schema'
import { toStatement } from './policy-model.service'
import { descendantsOf, targetColumns } from './policy-rules'
import { PolicyVersionService } from './policy-version.service'
import { describeStatement, statementView } from './policy-views'
import { uncovered } from './subset'

type Tx = Parameters<Parameters<RealmClient['$transaction']>[0]>[0]

interface Change<T> {
  result: T
  action: 'create' | 'rename' | 'move' | 'delete' | 'add-statement' | 'remove-statement' | 'assign' | 'revoke'
  entity: 'Policy' | 'PolicyStatement' | 'PolicyAssignment'
  entityId: number
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
}

const AUDIT_PAGE_SIZE = 50

const SUMMARY_SELECT = {
  id: true,
  name: true,
  description: true,
  parentId: true,
  canIssue: true,
  audience: true,
  builtIn: true,
  _count: { select: { statements: true, assignments: true } },
} as const

const STATEMENT_SELECT = {
  id: true,
  policyId: true,
  scope: true,
  targetKind: true,
  groupId: true,
  userId: true,
  withDescendants: true,
} as const

type SummaryRow = Omit<PolicySummary, 'statementCount' | 'holderCount'> & {
  _count: { statements: number; assignments: number }
}

function summaryOf({ _count, ...row }: SummaryRow): PolicySummary {
  return PolicySummary.parse({ ...row, statementCount: _count.statements, holderCount: _count.assignments })
}

const statementsOf = (rows: Parameters<typeof toStatement>[0][]): Statement[] =>
  rows.flatMap((row) => toStatement(row) ?? [])

const listed = (statements: Pick<Statement, 'scope' | 'target'>[]) =>
  statements.map(describeStatement).join('; ')

/**
 * The policy admin: the policy tree, statements and assignments. Every write runs in one
 * transaction with its audit row and the policy version bump, and enforces the delegation rule
 * (a child holds only what its parent holds, docs/decisions/0011-policy-engine.md).
 */
@injectable()
export class PolicyAdminService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(ACTOR) private readonly actor: Actor,
    @inject(PolicyVersionService) private readonly versions: PolicyVersionService,
  ) {}

  /** The whole tree, or only the policies with these ids. */
  async listPolicies(ids?: readonly number[]): Promise<PolicySummary[]> {
    const rows = await this.db.policy.findMany({
      where: { realmId: this.realmId, ...(ids && { id: { in: [...ids] } }) },
      select: SUMMARY_SELECT,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    })
    return rows.map(summaryOf)
  }

  async getPolicy(policyId: number): Promise<PolicyDetail> {
    const row = await this.db.policy.findUnique({
      where: { id_realmId: { id: policyId, realmId: this.realmId } },
      select: {
        ...SUMMARY_SELECT,
        statements: {
          select: {
            ...STATEMENT_SELECT,
            group: { select: { name: true } },
            user: { select: { displayName: true } },
          },
          orderBy: { id: 'asc' },
        },
        assignments: {
          select: {
            userId: true,
            createdAt: true,
            createdById: true,
            user: { select: { displayName: true } },
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        },
        bindings: { select: { postType: { select: { id: true, name: true } } } },
      },
    })
    if (!row) throw new NotFoundError('Policy', policyId)
    const { statements, assignments, bindings, ...summary } = row
    const names = {
      groups: new Map(statements.flatMap((s) => (s.group && s.groupId ? [[s.groupId, s.group.name]] : []))),
      users: new Map(statements.flatMap((s) => (s.user && s.userId ? [[s.userId, s.user.displayName]] : []))),
    }
    const issuers = await this.userNames(assignments.flatMap((a) => a.createdById ?? []))
    return PolicyDetail.parse({
      ...summaryOf(summary),
      statements: statementsOf(statements).map((s) => statementView(s, names)),
      assignments: assignments.map((a) => ({
        userId: a.userId,
        userName: a.user.displayName,
        at: a.createdAt,
        by: a.createdById === null ? null : { id: a.createdById, name: issuers.get(a.createdById) ?? '' },
      })),
      postTypes: bindings.map((b) => b.postType),
    })
  }

  async createPolicy(input: z.output<typeof CreatePolicyInput>): Promise<PolicySummary> {
    return this.write(async (tx) => {
      await this.policyRow(tx, input.parentId)
      await this.assertNameFree(tx, input.name)
      const created = await tx.policy.create({
        data: { realmId: this.realmId, ...input },
        select: SUMMARY_SELECT,
      })
      const after = summaryOf(created)
      return { result: after, action: 'create', entity: 'Policy', entityId: after.id, after }
    })
  }

  async renamePolicy(input: z.output<typeof RenamePolicyInput>): Promise<PolicySummary> {
    return this.write(async (tx) => {
      const before = await this.summary(tx, input.policyId)
      if (before.builtIn && before.name !== input.name)
        throw new InvalidStateError('A built-in policy keeps its name: migrations and seeds find it by name')
      await this.assertNameFree(tx, input.name, input.policyId)
      const updated = await tx.policy.update({
        where: { id_realmId: { id: input.policyId, realmId: this.realmId } },
        data: { name: input.name, description: input.description },
        select: SUMMARY_SELECT,
      })
      const after = summaryOf(updated)
      return { result: after, action: 'rename', entity: 'Policy', entityId: after.id, before, after }
    })
  }

  /** Moves a policy under another; refused if it would make a cycle or hold what its new parent does not. */
  async movePolicy(input: z.output<typeof MovePolicyInput>): Promise<PolicySummary> {
    return this.write(async (tx) => {
      const before = await this.summary(tx, input.policyId)
      if (before.parentId === null) throw new InvalidStateError('The root policy cannot be moved')
      await this.policyRow(tx, input.parentId)
      const tree = await this.tree(tx)
      const below = descendantsOf(tree, input.policyId).map((p) => p.id)
      if (input.parentId === input.policyId || below.includes(input.parentId))
        throw new InvalidStateError('A policy cannot be moved under itself or its descendants')
      const missing = uncovered(
        await this.statements(tx, input.policyId),
        await this.statements(tx, input.parentId),
        await this.groupParent(tx),
      )
      if (missing.length > 0) throw new InvalidStateError(`The new parent does not hold: ${listed(missing)}`)
      const updated = await tx.policy.update({
        where: { id_realmId: { id: input.policyId, realmId: this.realmId } },
        data: { parentId: input.parentId },
        select: SUMMARY_SELECT,
      })
      const after = summaryOf(updated)
      return { result: after, action: 'move', entity: 'Policy', entityId: after.id, before, after }
    })
  }

  async previewDelete(policyId: number): Promise<DeletePreview> {
    return this.db.$transaction((tx) => this.deletion(tx, policyId))
  }

  /** Deletes a policy (and, with `cascade`, every policy below it) with its statements and holders. */
  async deletePolicy(policyId: number, cascade: boolean): Promise<DeletePreview> {
    return this.write(async (tx) => {
      const preview = await this.deletion(tx, policyId)
      if (preview.protected) throw new InvalidStateError(`The ${preview.protected} policy cannot be deleted`)
      if (preview.descendants.length > 0 && !cascade)
        throw new InvalidStateError(
          `It has ${preview.descendants.length} policies below it: delete them too (cascade) or move them first`,
        )
      // Deepest first: a policy's parent link refuses to lose its parent.
      for (const id of [...preview.descendants.map((p) => p.id), policyId])
        await tx.policy.delete({ where: { id_realmId: { id, realmId: this.realmId } } })
      return { result: preview, action: 'delete', entity: 'Policy', entityId: policyId, before: preview }
    })
  }

  /** Adds a statement the policy's parent covers; the group or user it names must exist. */
  async addStatement(input: z.output<typeof AddStatementInput>): Promise<StatementView> {
    return this.write(async (tx) => {
      const policy = await this.policyRow(tx, input.policyId)
      await this.assertTargetExists(tx, input.target)
      const row = { scope: input.scope, ...targetColumns(input.target) }
      const candidate = toStatement({ id: 0, policyId: policy.id, ...row })
      if (!candidate) throw new InvalidStateError('The statement names no valid target')
      if (policy.parentId !== null) {
        const missing = uncovered(
          [candidate],
          await this.statements(tx, policy.parentId),
          await this.groupParent(tx),
        )
        if (missing.length > 0)
          throw new InvalidStateError(`The parent policy does not hold: ${listed(missing)}`)
      }
      const created = await tx.policyStatement.create({
        data: { realmId: this.realmId, policyId: policy.id, ...row },
        select: STATEMENT_SELECT,
      })
      const view = await this.statementView(tx, created)
      return {
        result: view,
        action: 'add-statement',
        entity: 'PolicyStatement',
        entityId: view.id,
        after: { policyId: policy.id, ...view },
      }
    })
  }

  /**
   * Removes a statement. Refused (not cascaded) while a child policy relies on it: silently taking
   * rights away from the holders of other policies is worse than asking the admin to do it first.
   */
  async removeStatement(policyId: number, statementId: number): Promise<StatementView> {
    return this.write(async (tx) => {
      const row = await tx.policyStatement.findUnique({
        where: { id_realmId: { id: statementId, realmId: this.realmId } },
        select: STATEMENT_SELECT,
      })
      // The guard decided on `policyId`: a statement of another policy is not found here.
      if (!row || row.policyId !== policyId) throw new NotFoundError('PolicyStatement', statementId)
      const remaining = (await this.statements(tx, row.policyId)).filter((s) => s.id !== statementId)
      const children = await tx.policy.findMany({
        where: { realmId: this.realmId, parentId: row.policyId },
        select: { id: true, name: true },
      })
      const groupParent = await this.groupParent(tx)
      const broken: string[] = []
      for (const child of children) {
        const missing = uncovered(await this.statements(tx, child.id), remaining, groupParent)
        if (missing.length > 0) broken.push(`${child.name}: ${listed(missing)}`)
      }
      if (broken.length > 0)
        throw new InvalidStateError(`Child policies rely on this statement — ${broken.join(' | ')}`)
      const before = await this.statementView(tx, row)
      await tx.policyStatement.delete({ where: { id_realmId: { id: statementId, realmId: this.realmId } } })
      return {
        result: before,
        action: 'remove-statement',
        entity: 'PolicyStatement',
        entityId: statementId,
        before: { policyId: row.policyId, ...before },
      }
    })
  }

  async assign(policyId: number, userId: number): Promise<{ policyId: number; userId: number }> {
    return this.write(async (tx) => {
      const policy = await this.policyRow(tx, policyId)
      if (policy.audience)
        throw new InvalidStateError('A baseline policy is held by its audience, not assigned')
      await this.userRow(tx, userId)
      const existing = await tx.policyAssignment.findUnique({
        where: { realmId_policyId_userId: { realmId: this.realmId, policyId, userId } },
        select: { id: true },
      })
      if (existing) throw new ConflictError('The user already holds this policy')
      const createdById = this.actor.kind === 'user' ? this.actor.userId : null
      const created = await tx.policyAssignment.create({
        data: { realmId: this.realmId, policyId, userId, createdById },
        select: { id: true },
      })
      const after = { policyId, userId }
      return { result: after, action: 'assign', entity: 'PolicyAssignment', entityId: created.id, after }
    })
  }

  async revoke(policyId: number, userId: number): Promise<{ policyId: number; userId: number }> {
    return this.write(async (tx) => {
      const existing = await tx.policyAssignment.findUnique({
        where: { realmId_policyId_userId: { realmId: this.realmId, policyId, userId } },
        select: { id: true, createdById: true, createdAt: true },
      })
      if (!existing) throw new NotFoundError('PolicyAssignment', `${policyId}/${userId}`)
      await tx.policyAssignment.delete({ where: { id_realmId: { id: existing.id, realmId: this.realmId } } })
      const before = {
        policyId,
        userId,
        createdById: existing.createdById,
        createdAt: existing.createdAt.toISOString(),
      }
      return {
        result: { policyId, userId },
        action: 'revoke',
        entity: 'PolicyAssignment',
        entityId: existing.id,
        before,
      }
    })
  }

  async listAudit(page: number): Promise<AuditPage> {
    const where = { realmId: this.realmId }
    const [rows, total] = await Promise.all([
      this.db.policyAudit.findMany({
        where,
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * AUDIT_PAGE_SIZE,
        take: AUDIT_PAGE_SIZE,
      }),
      this.db.policyAudit.count({ where }),
    ])
    const actors = await this.userNames(rows.flatMap((r) => r.actorId ?? []))
    return AuditPage.parse({
      entries: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actorId === null ? null : { id: r.actorId, name: actors.get(r.actorId) ?? '' },
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      })),
      page,
      pageSize: AUDIT_PAGE_SIZE,
      total,
    })
  }

  /**
   * Runs one write: bumps the policy version, applies the change and records it, all in one
   * transaction. The bump comes first because the version row's lock then serialises the realm's
   * policy writes, so the rule checks read a state no concurrent write changes before this commits.
   */
  private write<T>(run: (tx: Tx) => Promise<Change<T>>): Promise<T> {
    return this.db.$transaction(async (tx) => {
      await this.versions.bump(tx)
      const change = await run(tx)
      await tx.policyAudit.create({
        data: {
          realmId: this.realmId,
          actorId: this.actor.kind === 'user' ? this.actor.userId : null,
          action: change.action,
          entity: change.entity,
          entityId: change.entityId,
          before: change.before,
          after: change.after,
        },
      })
      return change.result
    })
  }

  private async deletion(tx: Tx, policyId: number): Promise<DeletePreview> {
    const policy = await this.policyRow(tx, policyId)
    const descendants = descendantsOf(await this.tree(tx), policyId)
    const ids = [policyId, ...descendants.map((p) => p.id)]
    const scoped = { realmId: this.realmId, policyId: { in: ids } }
    const [statementCount, assignmentCount, bindingCount] = await Promise.all([
      tx.policyStatement.count({ where: scoped }),
      tx.policyAssignment.count({ where: scoped }),
      tx.postTypePolicy.count({ where: scoped }),
    ])
    const baseline = policy.audience !== null || descendants.some((p) => p.audience !== null)
    const builtIn = policy.builtIn || descendants.some((p) => p.builtIn)
    return DeletePreview.parse({
      policy: { id: policy.id, name: policy.name },
      descendants: descendants.map(({ id, name }) => ({ id, name })),
      statementCount,
      assignmentCount,
      bindingCount,
      protected: policy.parentId === null ? 'root' : baseline ? 'baseline' : builtIn ? 'built-in' : null,
    })
  }

  private async policyRow(tx: Tx, policyId: number) {
    const policy = await tx.policy.findUnique({
      where: { id_realmId: { id: policyId, realmId: this.realmId } },
      select: { id: true, name: true, parentId: true, audience: true, builtIn: true },
    })
    if (!policy) throw new NotFoundError('Policy', policyId)
    return policy
  }

  private async summary(tx: Tx, policyId: number): Promise<PolicySummary> {
    const row = await tx.policy.findUnique({
      where: { id_realmId: { id: policyId, realmId: this.realmId } },
      select: SUMMARY_SELECT,
    })
    if (!row) throw new NotFoundError('Policy', policyId)
    return summaryOf(row)
  }

  private async userRow(tx: Tx, userId: number) {
    const user = await tx.user.findUnique({
      where: { id_realmId: { id: userId, realmId: this.realmId } },
      select: { id: true, displayName: true },
    })
    if (!user) throw new NotFoundError('User', userId)
    return user
  }

  private async assertNameFree(tx: Tx, name: string, exceptId?: number) {
    const taken = await tx.policy.findUnique({
      where: { realmId_name: { realmId: this.realmId, name } },
      select: { id: true },
    })
    if (taken && taken.id !== exceptId) throw new ConflictError('Policy name taken', { name: ['nameTaken'] })
  }

  private async assertTargetExists(tx: Tx, target: StatementTargetInput) {
    if (target.kind === 'USER') await this.userRow(tx, target.userId)
    if (target.kind === 'GROUP') {
      const group = await tx.group.findUnique({
        where: { id_realmId: { id: target.groupId, realmId: this.realmId } },
        select: { id: true },
      })
      if (!group) throw new NotFoundError('Group', target.groupId)
    }
  }

  private async tree(tx: Tx) {
    return tx.policy.findMany({
      where: { realmId: this.realmId },
      select: { id: true, name: true, parentId: true, audience: true, builtIn: true },
    })
  }

  private async statements(tx: Tx, policyId: number): Promise<Statement[]> {
    const rows = await tx.policyStatement.findMany({
      where: { realmId: this.realmId, policyId },
      select: STATEMENT_SELECT,
    })
    return statementsOf(rows)
  }

  private async groupParent(tx: Tx): Promise<Map<number, number | null>> {
    const groups = await tx.group.findMany({
      where: { realmId: this.realmId },
      select: { id: true, parentId: true },
    })
    return new Map(groups.map((g) => [g.id, g.parentId]))
  }

  private async statementView(tx: Tx, row: Parameters<typeof toStatement>[0]): Promise<StatementView> {
    const statement = toStatement(row)
    if (!statement) throw new InvalidStateError(`Statement ${row.id} names no valid target`)
    const [group, user] = await Promise.all([
      row.groupId === null
        ? null
        : tx.group.findUnique({
            where: { id_realmId: { id: row.groupId, realmId: this.realmId } },
            select: { name: true },
          }),
      row.userId === null ? null : this.userRow(tx, row.userId),
    ])
    return statementView(statement, {
      groups: new Map(group && row.groupId !== null ? [[row.groupId, group.name]] : []),
      users: new Map(user ? [[user.id, user.displayName]] : []),
    })
  }

  private async userNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map()
    const users = await this.db.user.findMany({
      where: { realmId: this.realmId, id: { in: [...new Set(ids)] } },
      select: { id: true, displayName: true },
    })
    return new Map(users.map((u) => [u.id, u.displayName]))
  }
}
