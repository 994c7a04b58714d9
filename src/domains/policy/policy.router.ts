// tRPC procedures of the policy admin: the same entry points and services as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { policyEntries as entries } from './policy.entries'
import { PolicyAccessService } from './policy-access.service'
import { PolicyAdminService } from './policy-admin.service'

export const policyRouter = router({
  list: guardedProcedure(entries.list).query(({ ctx }) =>
    ctx.services.resolve(PolicyAdminService).listPolicies(),
  ),
  issuable: guardedProcedure(entries.issuable).query(({ ctx }) =>
    ctx.services.resolve(PolicyAccessService).issuable(),
  ),
  get: guardedProcedure(entries.get).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).getPolicy(input.policyId),
  ),
  create: guardedProcedure(entries.create).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).createPolicy(input),
  ),
  rename: guardedProcedure(entries.rename).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).renamePolicy(input),
  ),
  move: guardedProcedure(entries.move).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).movePolicy(input),
  ),
  previewDelete: guardedProcedure(entries.previewDelete).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).previewDelete(input.policyId),
  ),
  delete: guardedProcedure(entries.delete).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).deletePolicy(input.policyId, input.cascade),
  ),
  addStatement: guardedProcedure(entries.addStatement).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).addStatement(input),
  ),
  removeStatement: guardedProcedure(entries.removeStatement).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).removeStatement(input.policyId, input.statementId),
  ),
  assign: guardedProcedure(entries.assign).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).assign(input.policyId, input.userId),
  ),
  revoke: guardedProcedure(entries.revoke).mutation(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).revoke(input.policyId, input.userId),
  ),
  audit: guardedProcedure(entries.audit).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAdminService).listAudit(input.page),
  ),
  explain: guardedProcedure(entries.explain).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAccessService).explainAccess(input.userId, input.scope, input.target),
  ),
  whoCan: guardedProcedure(entries.whoCan).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAccessService).whoCan(input.scope, input.target),
  ),
  whatCan: guardedProcedure(entries.whatCan).query(({ input, ctx }) =>
    ctx.services.resolve(PolicyAccessService).whatCan(input.userId),
  ),
})
