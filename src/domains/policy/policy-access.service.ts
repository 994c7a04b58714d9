import { inject, injectable } from 'tsyringe'
import type { Actor } from '~/server/auth/actor'
import { policyTarget, type Scope, type Target } from '~/server/auth/scopes'
import type { RealmClient } from '~/server/db/client'
import { ACTOR, PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { can, type Explanation, explain, type Grant, issuable, snapshotOf, whatCan, whoCan } from './engine'
import type { PolicyModel, Statement } from './model'
import { type ExplanationView, type GrantView, IssuablePolicy, WhoCanView } from './policy-admin.schema'
import { PolicyAdminService } from './policy-admin.service'
import { PolicyModelService } from './policy-model.service'
import { type Names, statementView, targetView } from './policy-views'

interface Lookup extends Names {
  model: PolicyModel
  statements: ReadonlyMap<number, Statement>
  postTypes: ReadonlyMap<number, string>
}

/**
 * The admin's view of decisions: the engine's `explain`, `whoCan` and `whatCan` on the current
 * policy tables, with names instead of bare ids; and the caller's own policies to issue under.
 * Reads the model fresh: an admin checking access right after a change must see that change,
 * whatever the resolver has cached.
 */
@injectable()
export class PolicyAccessService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(ACTOR) private readonly actor: Actor,
    @inject(PolicyModelService) private readonly models: PolicyModelService,
    @inject(PolicyAdminService) private readonly admin: PolicyAdminService,
  ) {}

  /**
   * The caller's issuer screen: every policy at or below a "can issue" policy they hold, from the
   * engine's own index (the rule the guard decides by). `held` is what the guard refuses on the
   * policy itself; a PéK admin's `policy:issue` on anything adds no subtree.
   */
  async issuable(): Promise<IssuablePolicy[]> {
    if (this.actor.kind !== 'user') return []
    const model = await this.models.load()
    const snapshot = snapshotOf(model, this.actor.userId)
    const ids = [...issuable(snapshot, model).keys()]
    if (ids.length === 0) return []
    const held = new Set(ids.filter((id) => !can(snapshot, model, 'policy:issue', policyTarget(id))))
    const statements = model.statements.filter((s) => held.has(s.policyId))
    const lookup = await this.lookup(model, [], [], statements)
    return (await this.admin.listPolicies(ids)).map((policy) =>
      IssuablePolicy.parse({
        ...policy,
        held: held.has(policy.id),
        statements: held.has(policy.id)
          ? statements.filter((s) => s.policyId === policy.id).map((s) => statementView(s, lookup))
          : null,
      }),
    )
  }

  async explainAccess(userId: number, scope: Scope, target: Target): Promise<ExplanationView> {
    await this.assertUser(userId)
    const model = await this.models.load()
    const explanation = explain(snapshotOf(model, userId), model, scope, target)
    const lookup = await this.lookup(model, explanation.chain ? [explanation.chain.grant] : [], [])
    return explanationView(explanation, lookup)
  }

  async whoCan(scope: Scope, target: Target): Promise<WhoCanView> {
    const model = await this.models.load()
    const who = whoCan(model, scope, target)
    const explanations = [who.everyone, who.loggedIn, ...who.users.values()].flatMap((e) => e ?? [])
    const grants = explanations.flatMap((e) => (e.chain ? [e.chain.grant] : []))
    const lookup = await this.lookup(model, grants, [...who.users.keys()])
    return WhoCanView.parse({
      everyone: who.everyone && explanationView(who.everyone, lookup),
      loggedIn: who.loggedIn && explanationView(who.loggedIn, lookup),
      users: [...who.users].map(([userId, explanation]) => ({
        user: { id: userId, name: lookup.users.get(userId) ?? '' },
        explanation: explanationView(explanation, lookup),
      })),
    })
  }

  /** Every grant the user holds, with where it comes from. */
  async whatCan(userId: number): Promise<GrantView[]> {
    await this.assertUser(userId)
    const model = await this.models.load()
    const grants = whatCan(snapshotOf(model, userId))
    const lookup = await this.lookup(model, grants, [])
    return grants.map((g) => grantView(g, lookup))
  }

  private async assertUser(userId: number) {
    const user = await this.db.user.findUnique({
      where: { id_realmId: { id: userId, realmId: this.realmId } },
      select: { id: true },
    })
    if (!user) throw new NotFoundError('User', userId)
  }

  /** The names of every group, user and post type the grants (and the extra statements) mention. */
  private async lookup(
    model: PolicyModel,
    grants: Grant[],
    extraUsers: number[],
    extraStatements: readonly Statement[] = [],
  ): Promise<Lookup> {
    const statements = new Map(model.statements.map((s) => [s.id, s]))
    const groupIds = new Set<number>()
    const userIds = new Set<number>(extraUsers)
    const postTypeIds = new Set<number>()
    for (const { target } of extraStatements) {
      if (target.kind === 'group') groupIds.add(target.groupId)
      if (target.kind === 'user') userIds.add(target.userId)
    }
    for (const grant of grants) {
      const stored = grant.statementId === null ? undefined : statements.get(grant.statementId)?.target
      for (const t of [grant.target, stored]) {
        // A cascade's ancestor is the grant's own group, so it is named here too.
        if (t?.kind === 'group') groupIds.add(t.groupId)
        if (t?.kind === 'user') userIds.add(t.userId)
      }
      if (grant.source.kind === 'post') {
        groupIds.add(grant.source.groupId)
        postTypeIds.add(grant.source.postTypeId)
      }
    }
    const realmId = this.realmId
    const [groups, users, postTypes] = await Promise.all([
      this.db.group.findMany({
        where: { realmId, id: { in: [...groupIds] } },
        select: { id: true, name: true },
      }),
      this.db.user.findMany({
        where: { realmId, id: { in: [...userIds] } },
        select: { id: true, displayName: true },
      }),
      this.db.postType.findMany({
        where: { realmId, id: { in: [...postTypeIds] } },
        select: { id: true, name: true },
      }),
    ])
    return {
      model,
      policies: model.policies,
      statements,
      groups: new Map(groups.map((g) => [g.id, g.name])),
      users: new Map(users.map((u) => [u.id, u.displayName])),
      postTypes: new Map(postTypes.map((p) => [p.id, p.name])),
    }
  }
}

function grantView(grant: Grant, lookup: Lookup): GrantView {
  const source = grant.source
  const stored = grant.statementId === null ? undefined : lookup.statements.get(grant.statementId)
  const ref = (id: number, names: ReadonlyMap<number, string>) => ({ id, name: names.get(id) ?? '' })
  return {
    scope: grant.scope,
    statement: stored ? statementView(stored, lookup) : null,
    target: targetView(grant.target, lookup),
    source: {
      kind: source.kind,
      policy: { id: source.policyId, name: lookup.model.policies.get(source.policyId)?.name ?? '' },
      audience: source.kind === 'audience' ? source.audience : null,
      postType: source.kind === 'post' ? ref(source.postTypeId, lookup.postTypes) : null,
      group: source.kind === 'post' ? ref(source.groupId, lookup.groups) : null,
    },
  }
}

function explanationView(explanation: Explanation, lookup: Lookup): ExplanationView {
  const chain = explanation.chain
  if (!chain) return { allowed: explanation.allowed, chain: null }
  const ancestor = chain.throughAncestor
  return {
    allowed: explanation.allowed,
    chain: {
      grant: grantView(chain.grant, lookup),
      throughAncestor: ancestor === null ? null : { id: ancestor, name: lookup.groups.get(ancestor) ?? '' },
    },
  }
}
