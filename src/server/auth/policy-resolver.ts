// The policy interface every access decision goes through (rule 5 of docs/ARCHITECTURE.md). The hub
// binds PolicyEngineResolver (src/domains/policy), which decides from the policy tables; a worker
// instance can bind its own.
import type { Actor } from './actor'
import type { Scope, Target } from './scopes'

/** One decision to make: a scope on a target. */
export interface Question {
  readonly scope: Scope
  readonly target: Target
}

export interface PolicyResolver {
  can(actor: Actor, scope: Scope, target: Target): Promise<boolean>
  /**
   * Each question's answer, in order, all decided on one consistent policy state (one read of it).
   * `policyVersion`: the realm's version as the caller read it this very request, so the resolver
   * need not read it again (a resolver without versions ignores it).
   */
  answer(actor: Actor, questions: readonly Question[], policyVersion?: number): Promise<boolean[]>
  /**
   * The users who hold `scope` on `target` through a grant that names it (a group or its ancestor,
   * a user): who is this object's own admin. A grant on anything (a superadmin, the RVT leader)
   * and the audience policies do not count. For notifications, never for access.
   */
  holders(scope: Scope, target: Target): Promise<number[]>
}
