// The policy system's data, as the engine sees it: plain values, loaded from the database by the
// policy service and cached per policy version (see docs/decisions/0011-policy-engine.md).
import type { Scope } from '~/server/auth/scopes'

/** Where a statement applies. `post-group` exists only in templates: the post's group fills it in. */
export type StatementTarget =
  | { kind: 'any' }
  | { kind: 'group'; groupId: number; withDescendants: boolean }
  | { kind: 'user'; userId: number }
  | { kind: 'self' }
  | { kind: 'post-group'; withDescendants: boolean }

export interface Statement {
  id: number
  policyId: number
  scope: Scope
  target: StatementTarget
}

export interface Policy {
  id: number
  name: string
  parentId: number | null
  /** Holders may create child policies under it and assign them. */
  canIssue: boolean
  /** Held without an assignment: by every visitor, or by every logged-in user. */
  audience: 'EVERYONE' | 'AUTHENTICATED' | null
}

export interface Assignment {
  policyId: number
  userId: number
}

/** A post type bound to a policy template: holding the post grants the template on the post's group. */
export interface PostBinding {
  postTypeId: number
  policyId: number
}

export interface HeldPost {
  userId: number
  postTypeId: number
  groupId: number
}

export interface PolicyModel {
  policies: ReadonlyMap<number, Policy>
  statements: readonly Statement[]
  assignments: readonly Assignment[]
  bindings: readonly PostBinding[]
  posts: readonly HeldPost[]
  /** Group id → parent id (null for a root). */
  groupParent: ReadonlyMap<number, number | null>
  /** The realm's period is QUIET: the grants that hold only outside it lapse (OUTSIDE_QUIET, engine.ts). */
  quiet: boolean
}
