// Server functions of the policy admin: guard (./policy.entries.ts) + one service call each.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { policyEntries as entries } from './policy.entries'
import { PolicyAccessService } from './policy-access.service'
import { PolicyAdminService } from './policy-admin.service'

export const listPolicies = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.list)])
  .handler(({ context }) => context.services.resolve(PolicyAdminService).listPolicies())

/** The caller's own "can issue" policies and everything below them (the issuer's screen). */
export const listIssuablePolicies = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.issuable)])
  .handler(({ context }) => context.services.resolve(PolicyAccessService).issuable())

export const getPolicy = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.get)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).getPolicy(data.policyId))

export const createPolicy = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.create)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).createPolicy(data))

export const renamePolicy = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.rename)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).renamePolicy(data))

export const movePolicy = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.move)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).movePolicy(data))

export const previewPolicyDelete = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.previewDelete)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).previewDelete(data.policyId))

export const deletePolicy = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.delete)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).deletePolicy(data.policyId, data.cascade),
  )

export const addPolicyStatement = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.addStatement)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).addStatement(data))

export const removePolicyStatement = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.removeStatement)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).removeStatement(data.policyId, data.statementId),
  )

export const assignPolicy = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.assign)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).assign(data.policyId, data.userId),
  )

export const revokePolicy = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.revoke)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAdminService).revoke(data.policyId, data.userId),
  )

export const listPolicyAudit = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.audit)])
  .handler(({ data, context }) => context.services.resolve(PolicyAdminService).listAudit(data.page))

export const explainAccess = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.explain)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAccessService).explainAccess(data.userId, data.scope, data.target),
  )

export const whoCan = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.whoCan)])
  .handler(({ data, context }) =>
    context.services.resolve(PolicyAccessService).whoCan(data.scope, data.target),
  )

export const whatCan = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.whatCan)])
  .handler(({ data, context }) => context.services.resolve(PolicyAccessService).whatCan(data.userId))
