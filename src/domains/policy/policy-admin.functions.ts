// Server functions of the policy admin: `policy:admin` on anything, then one service call each.
import { createServerFn } from '@tanstack/react-start'
import { z } from 'zod'
import { authGuardOn } from '~/server/auth/guard'
import { ANY_TARGET } from '~/server/auth/scopes'
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

const admin = <S extends z.ZodType>(input: S) => authGuardOn('policy:admin', input, () => ANY_TARGET)

export const listPolicies = createServerFn({ method: 'GET' })
  .middleware([admin(z.object({}))])
  .handler(({ context }) => context.services.resolve(PolicyAdminService).listPolicies())

export const getPolicy = createServerFn({ method: 'GET' })
  .middleware([admin(PolicyIdInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).getPolicy(data.policyId))

export const createPolicy = createServerFn({ method: 'POST' })
  .middleware([admin(CreatePolicyInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).createPolicy(data))

export const renamePolicy = createServerFn({ method: 'POST' })
  .middleware([admin(RenamePolicyInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).renamePolicy(data))

export const movePolicy = createServerFn({ method: 'POST' })
  .middleware([admin(MovePolicyInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).movePolicy(data))

export const previewPolicyDelete = createServerFn({ method: 'GET' })
  .middleware([admin(PolicyIdInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).previewDelete(data.policyId))

export const deletePolicy = createServerFn({ method: 'POST' })
  .middleware([admin(DeletePolicyInput)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).deletePolicy(data.policyId, data.cascade),
  )

export const addPolicyStatement = createServerFn({ method: 'POST' })
  .middleware([admin(AddStatementInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).addStatement(data))

export const removePolicyStatement = createServerFn({ method: 'POST' })
  .middleware([admin(StatementIdInput)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).removeStatement(data.policyId, data.statementId),
  )

export const assignPolicy = createServerFn({ method: 'POST' })
  .middleware([admin(AssignmentInput)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).assign(data.policyId, data.userId),
  )

export const revokePolicy = createServerFn({ method: 'POST' })
  .middleware([admin(AssignmentInput)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).revoke(data.policyId, data.userId),
  )

export const listPolicyAudit = createServerFn({ method: 'GET' })
  .middleware([admin(AuditListInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).listAudit(data.page))

export const explainAccess = createServerFn({ method: 'GET' })
  .middleware([admin(ExplainAccessInput)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAccessService).explainAccess(data.userId, data.scope, data.target),
  )

export const whoCan = createServerFn({ method: 'GET' })
  .middleware([admin(WhoCanInput)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAccessService).whoCan(data.scope, data.target),
  )

export const whatCan = createServerFn({ method: 'GET' })
  .middleware([admin(UserIdInput)])
  .handler(({ data, context }) => context.services.resolve(PolicyAccessService).whatCan(data.userId))
