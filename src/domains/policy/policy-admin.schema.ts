// In/out DTOs of the policy admin: the tree, statements, assignments, explanations and the audit.
import { z } from 'zod'
import { SCOPE_NAMES } from '~/server/auth/scopes'
import { Id } from '~/shared/ids'
import { Text } from '~/shared/text'

export const ScopeName = z.enum(SCOPE_NAMES)

const PolicyName = Text.trim().min(1).max(100)
const Description = Text.trim().max(1000)

export const PolicyIdInput = z.object({ policyId: Id })
export type PolicyIdInput = z.input<typeof PolicyIdInput>

export const CreatePolicyInput = z.object({
  name: PolicyName,
  description: Description.default(''),
  parentId: Id,
  canIssue: z.boolean().default(false),
})
export type CreatePolicyInput = z.input<typeof CreatePolicyInput>

export const RenamePolicyInput = z.object({
  policyId: Id,
  name: PolicyName,
  description: Description.optional(),
})
export type RenamePolicyInput = z.input<typeof RenamePolicyInput>

export const MovePolicyInput = z.object({ policyId: Id, parentId: Id })
export type MovePolicyInput = z.input<typeof MovePolicyInput>

export const DeletePolicyInput = z.object({ policyId: Id, cascade: z.boolean().default(false) })
export type DeletePolicyInput = z.input<typeof DeletePolicyInput>

/** A statement's target as an admin picks it; `POST_GROUP` only makes sense in a post template. */
export const StatementTargetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ANY') }),
  z.object({ kind: z.literal('GROUP'), groupId: Id, withDescendants: z.boolean().default(false) }),
  z.object({ kind: z.literal('USER'), userId: Id }),
  z.object({ kind: z.literal('SELF') }),
  z.object({ kind: z.literal('POST_GROUP'), withDescendants: z.boolean().default(false) }),
])
export type StatementTargetInput = z.output<typeof StatementTargetInput>

export const AddStatementInput = z.object({ policyId: Id, scope: ScopeName, target: StatementTargetInput })
export type AddStatementInput = z.input<typeof AddStatementInput>

export const StatementIdInput = z.object({ policyId: Id, statementId: Id })
export type StatementIdInput = z.input<typeof StatementIdInput>

export const AssignmentInput = z.object({ policyId: Id, userId: Id })
export type AssignmentInput = z.input<typeof AssignmentInput>

/** What a decision is about: anything, one group or its subtree, one user, a policy or some policy (the guard's Target). */
export const AccessTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('any') }),
  z.object({ type: z.literal('group'), groupId: Id }),
  z.object({ type: z.literal('subtree'), groupId: Id }),
  z.object({ type: z.literal('user'), userId: Id }),
  z.object({ type: z.literal('policy'), policyId: Id }),
  z.object({ type: z.literal('new-policy'), parentId: Id }),
  z.object({ type: z.literal('some-policy') }),
  z.object({ type: z.literal('some-group') }),
])

export const ExplainAccessInput = z.object({ userId: Id, scope: ScopeName, target: AccessTarget })
export type ExplainAccessInput = z.input<typeof ExplainAccessInput>

export const WhoCanInput = z.object({ scope: ScopeName, target: AccessTarget })
export type WhoCanInput = z.input<typeof WhoCanInput>

export const UserIdInput = z.object({ userId: Id })
export type UserIdInput = z.input<typeof UserIdInput>

export const AuditListInput = z.object({ page: z.number().int().min(1).max(100_000).default(1) })
export type AuditListInput = z.input<typeof AuditListInput>

const Ref = z.object({ id: z.number(), name: z.string() })
const Audience = z.enum(['EVERYONE', 'AUTHENTICATED']).nullable()

export const PolicySummary = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  parentId: z.number().nullable(),
  canIssue: z.boolean(),
  audience: Audience,
  /** Reference data found by name: never renamed or deleted. */
  builtIn: z.boolean(),
  statementCount: z.number(),
  holderCount: z.number(),
})
export type PolicySummary = z.infer<typeof PolicySummary>

/** A target with the names of what it points at, for display. */
export const TargetView = z.object({
  kind: z.enum(['any', 'group', 'user', 'self', 'post-group', 'policy']),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
  policyId: z.number().nullable(),
  policyName: z.string().nullable(),
  withDescendants: z.boolean(),
})
export type TargetView = z.infer<typeof TargetView>

export const StatementView = z.object({ id: z.number(), scope: ScopeName, target: TargetView })
export type StatementView = z.infer<typeof StatementView>

/**
 * A policy the caller may issue under (ADR 0012): a held "can issue" policy, or one below it. A
 * held one is only issued under — its holder never renames, deletes, edits or re-assigns it — so it
 * comes with its own statements (what its children may hold); one below it is managed in full and
 * read with `get`.
 */
export const IssuablePolicy = PolicySummary.extend({
  held: z.boolean(),
  /** The held policy's statements; null for one below it. */
  statements: z.array(StatementView).nullable(),
})
export type IssuablePolicy = z.infer<typeof IssuablePolicy>

export const AssignmentView = z.object({
  userId: z.number(),
  userName: z.string(),
  at: z.date(),
  by: Ref.nullable(),
})

export const PolicyDetail = PolicySummary.extend({
  statements: z.array(StatementView),
  assignments: z.array(AssignmentView),
  postTypes: z.array(Ref),
})
export type PolicyDetail = z.infer<typeof PolicyDetail>

/** What deleting a policy would remove, and whether it may be deleted at all. */
export const DeletePreview = z.object({
  policy: Ref,
  /** Every policy below it, removed with it when `cascade` is set. */
  descendants: z.array(Ref),
  statementCount: z.number(),
  assignmentCount: z.number(),
  bindingCount: z.number(),
  /** Why it can never be deleted (the root, a baseline audience policy, built-in ones), or null. */
  protected: z.enum(['root', 'baseline', 'built-in']).nullable(),
})
export type DeletePreview = z.infer<typeof DeletePreview>

export const GrantSourceView = z.object({
  kind: z.enum(['audience', 'assignment', 'post']),
  policy: Ref,
  audience: Audience,
  postType: Ref.nullable(),
  group: Ref.nullable(),
})

export const GrantView = z.object({
  scope: ScopeName,
  /** The statement as stored (a template's post-group, SELF); null: implied by "can issue". */
  statement: StatementView.nullable(),
  /** What it grants this user (the post's group, the user itself). */
  target: TargetView,
  source: GrantSourceView,
})
export type GrantView = z.infer<typeof GrantView>

export const ExplanationView = z.object({
  allowed: z.boolean(),
  chain: z.object({ grant: GrantView, throughAncestor: Ref.nullable() }).nullable(),
})
export type ExplanationView = z.infer<typeof ExplanationView>

export const WhoCanView = z.object({
  everyone: ExplanationView.nullable(),
  loggedIn: ExplanationView.nullable(),
  users: z.array(z.object({ user: Ref, explanation: ExplanationView })),
})
export type WhoCanView = z.infer<typeof WhoCanView>

export const AuditEntry = z.object({
  id: z.number(),
  at: z.date(),
  actor: Ref.nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number(),
  before: z.json().nullable(),
  after: z.json().nullable(),
})

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
})
export type AuditPage = z.infer<typeof AuditPage>
