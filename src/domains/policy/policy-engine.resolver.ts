// The hub's PolicyResolver: decisions from the policy tables. The model is loaded once per policy
// version and each user's snapshot is built once per version; concurrent misses share one promise.
import { inject, injectable } from 'tsyringe'
import type { Actor } from '~/server/auth/actor'
import type { PolicyResolver, Question } from '~/server/auth/policy-resolver'
import type { Scope, Target } from '~/server/auth/scopes'
import { countPolicySnapshotLookup } from '~/server/metrics/metrics'
import { can, type Snapshot, snapshotOf, whoCan } from './engine'
import type { PolicyModel } from './model'
import { PolicyModelService } from './policy-model.service'
import { PolicyVersionService } from './policy-version.service'

/** Snapshots kept per version; past this many users the oldest are dropped (rebuilt on demand). */
const MAX_SNAPSHOTS = 20_000

interface VersionState {
  version: number
  model: Promise<PolicyModel>
  snapshots: Map<number | 'anonymous', Promise<Snapshot>>
}

@injectable()
export class PolicyEngineResolver implements PolicyResolver {
  private state: VersionState | undefined

  constructor(
    @inject(PolicyModelService) private readonly models: PolicyModelService,
    @inject(PolicyVersionService) private readonly versions: PolicyVersionService,
  ) {}

  async can(actor: Actor, scope: Scope, target: Target): Promise<boolean> {
    const [allowed] = await this.answer(actor, [{ scope, target }])
    return allowed === true
  }

  async answer(actor: Actor, questions: readonly Question[], policyVersion?: number): Promise<boolean[]> {
    const { model, snapshot } = await this.snapshotFor(actor, policyVersion)
    return questions.map((q) => can(snapshot, model, q.scope, q.target))
  }

  async holders(scope: Scope, target: Target): Promise<number[]> {
    const { users } = whoCan(await (await this.current()).model, scope, target)
    return [...users].flatMap(([userId, why]) => (why.chain?.grant.target.kind === 'any' ? [] : [userId]))
  }

  private async current(known?: number): Promise<VersionState> {
    const version = known ?? (await this.versions.current())
    if (this.state?.version !== version) {
      const model = this.models.load()
      const state: VersionState = { version, model, snapshots: new Map() }
      // A failed load must not stick: the next request tries again.
      model.catch(() => {
        if (this.state === state) this.state = undefined
      })
      this.state = state
    }
    return this.state
  }

  private async snapshotFor(
    actor: Actor,
    policyVersion?: number,
  ): Promise<{ model: PolicyModel; snapshot: Snapshot }> {
    const state = await this.current(policyVersion)
    const key = actor.kind === 'user' ? actor.userId : 'anonymous'
    let snapshot = state.snapshots.get(key)
    countPolicySnapshotLookup(snapshot !== undefined)
    if (!snapshot) {
      if (state.snapshots.size >= MAX_SNAPSHOTS) state.snapshots.clear()
      snapshot = state.model.then((model) => snapshotOf(model, actor.kind === 'user' ? actor.userId : null))
      state.snapshots.set(key, snapshot)
    }
    return { model: await state.model, snapshot: await snapshot }
  }
}
