// The policy interface every access decision goes through (rule 5 of docs/ARCHITECTURE.md).
// HubPolicyResolver is the walking skeleton's stand-in: a fixed grant table. The policy
// hierarchy (issue 4) replaces its internals; callers (authGuard, the tRPC guard) stay.
import { injectable } from 'tsyringe'
import type { Actor } from './actor'
import type { Scope, Target } from './scopes'

export interface PolicyResolver {
  can(actor: Actor, scope: Scope, target: Target): Promise<boolean>
}

const ANONYMOUS_SCOPES: ReadonlySet<Scope> = new Set(['group:view', 'session:view'])
const USER_SCOPES: ReadonlySet<Scope> = new Set([
  'group:view',
  'group:view-members',
  'user:view-basic',
  'session:view',
])

/** Scopes a user holds on their own account (the target is the actor itself). */
const SELF_SCOPES: ReadonlySet<Scope> = new Set(['user:view-profile', 'user:edit'])

@injectable()
export class HubPolicyResolver implements PolicyResolver {
  async can(actor: Actor, scope: Scope, target: Target): Promise<boolean> {
    if (actor.kind === 'anonymous') return ANONYMOUS_SCOPES.has(scope)
    if (target.type === 'user' && target.userId === actor.userId && SELF_SCOPES.has(scope)) return true
    return USER_SCOPES.has(scope)
  }
}
