// The policy interface every access decision goes through (rule 5 of docs/ARCHITECTURE.md). The hub
// binds PolicyEngineResolver (src/domains/policy), which decides from the policy tables; a worker
// instance can bind its own.
import type { Actor } from './actor'
import type { Scope, Target } from './scopes'

export interface PolicyResolver {
  can(actor: Actor, scope: Scope, target: Target): Promise<boolean>
  /** Which of `scopes` the actor holds on `target`, decided on one consistent policy state. */
  allowed(actor: Actor, scopes: readonly Scope[], target: Target): Promise<ReadonlySet<Scope>>
}
