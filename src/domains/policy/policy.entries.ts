// What each policy entry point requires (src/server/auth/entry-point.ts). Reading the whole tree
// and explaining decisions is the policy admin's; writing one policy is `policy:issue` on it, which
// PéK admins hold on anything and holders of a "can issue" policy hold below it (ADR 0012).
import { entryPoints, NoInput, requires } from '~/server/auth/entry-point'
import { newPolicyTarget, policyTarget } from '~/server/auth/scopes'
import {
  AddStatementInput,
  AssignmentInput,
  AuditListInput,
  CreatePolicyInput,
  DeletePolicyInput,
  ExplainAccessInput,
  MovePolicyInput,
  PolicyIdInput,
  RenamePolicyInput,
  StatementIdInput,
  UserIdInput,
  WhoCanInput,
} from './policy-admin.schema'

const issue = (i: { policyId: number }) => policyTarget(i.policyId)

export const policyEntries = entryPoints('policy', {
  list: requires('policy:admin', NoInput),
  // Any logged-in user may ask which policies they issue under (the answer is about themselves).
  issuable: requires('user:view-basic', NoInput),
  get: requires('policy:issue', PolicyIdInput, issue),
  create: requires('policy:issue', CreatePolicyInput, (i) => newPolicyTarget(i.parentId)),
  rename: requires('policy:issue', RenamePolicyInput, issue),
  // A move changes what the policy may hold: only the policy admin reshapes the tree.
  move: requires('policy:admin', MovePolicyInput),
  previewDelete: requires('policy:issue', PolicyIdInput, issue),
  delete: requires('policy:issue', DeletePolicyInput, issue),
  addStatement: requires('policy:issue', AddStatementInput, issue),
  removeStatement: requires('policy:issue', StatementIdInput, issue),
  assign: requires('policy:issue', AssignmentInput, issue),
  revoke: requires('policy:issue', AssignmentInput, issue),
  audit: requires('policy:admin', AuditListInput),
  explain: requires('policy:admin', ExplainAccessInput),
  whoCan: requires('policy:admin', WhoCanInput),
  whatCan: requires('policy:admin', UserIdInput),
})
