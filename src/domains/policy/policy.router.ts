// tRPC procedures of the policy admin: the same services, schemas and `policy:admin` guard as the
// server functions.
import { z } from 'zod'
import { ANY_TARGET } from '~/server/auth/scopes'
import { guardedProcedure, router } from '~/server/trpc/init'
import { PolicyAccessService } from './policy-access.service'
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
import { PolicyAdminService } from './policy-admin.service'

const admin = <S extends z.ZodType>(input: S) => guardedProcedure('policy:admin', input, () => ANY_TARGET)

export const policyRouter = router({
  list: admin(z.object({})).query(({ ctx }) => ctx.services.resolve(PolicyAdminService).listPolicies()),
  get: admin(PolicyIdInput).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).getPolicy(input.policyId),
  ),
  create: admin(CreatePolicyInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).createPolicy(input),
  ),
  rename: admin(RenamePolicyInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).renamePolicy(input),
  ),
  move: admin(MovePolicyInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).movePolicy(input),
  ),
  previewDelete: admin(PolicyIdInput).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).previewDelete(input.policyId),
  ),
  delete: admin(DeletePolicyInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).deletePolicy(input.policyId, input.cascade),
  ),
  addStatement: admin(AddStatementInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).addStatement(input),
  ),
  removeStatement: admin(StatementIdInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).removeStatement(input.policyId, input.statementId),
  ),
  assign: admin(AssignmentInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).assign(input.policyId, input.userId),
  ),
  revoke: admin(AssignmentInput).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).revoke(input.policyId, input.userId),
  ),
  audit: admin(AuditListInput).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).listAudit(input.page),
  ),
  explain: admin(ExplainAccessInput).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAccessService).explainAccess(input.userId, input.scope, input.target),
  ),
  whoCan: admin(WhoCanInput).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAccessService).whoCan(input.scope, input.target),
  ),
  whatCan: admin(UserIdInput).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAccessService).whatCan(input.userId),
  ),
})
