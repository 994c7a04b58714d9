// Scopes and targets as an admin reads them.
import type { TFunction } from '~/i18n'
import { SCOPE_NAMES, type Scope } from '~/server/auth/scopes'
import type { GrantView, TargetView } from '../policy-admin.schema'

export function targetText(t: TFunction, target: TargetView): string {
  const group = target.groupName || `#${target.groupId}`
  switch (target.kind) {
    case 'any':
      return t('policy.target.any')
    case 'self':
      return t('policy.target.self')
    case 'user':
      return t('policy.target.user', { name: target.userName || `#${target.userId}` })
    case 'group':
      return t(target.withDescendants ? 'policy.target.groupTree' : 'policy.target.group', { name: group })
    case 'post-group':
      return t(target.withDescendants ? 'policy.target.postGroupTree' : 'policy.target.postGroup')
    case 'policy':
      return t('policy.target.policy', { name: target.policyName || `#${target.policyId}` })
  }
}

/** How a user holds the policy behind a grant: its audience, an assignment, or a post in a group. */
export function sourceText(t: TFunction, source: GrantView['source']): string {
  switch (source.kind) {
    case 'audience':
      return t('policy.chain.sourceAudience', {
        audience: source.audience ? t(`policy.audience.${source.audience}`) : '',
      })
    case 'assignment':
      return t('policy.chain.sourceAssignment')
    case 'post':
      return t('policy.chain.sourcePost', {
        postType: source.postType?.name ?? '',
        group: source.group?.name ?? '',
      })
  }
}

export const scopeText = (t: TFunction, scope: Scope) => t(`policy.scopes.${scope}`)

export const scopeOptions = (t: TFunction) =>
  SCOPE_NAMES.map((scope) => ({ value: scope, label: `${scope} — ${scopeText(t, scope)}` }))
