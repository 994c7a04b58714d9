import { useId } from 'react'
import { useT } from '~/i18n'
import { SCOPE_NAMES, type Scope } from '~/server/auth/scopes'
import type { GrantView } from '../policy-admin.schema'
import { GrantChain } from './ExplanationChain'
import { scopeText, targetText } from './policy-text'

/** Grants in the order scopes are listed everywhere else, each scope with its own grants. */
function byScope(grants: GrantView[]): [Scope, GrantView[]][] {
  const groups = new Map<Scope, GrantView[]>()
  for (const grant of grants) groups.set(grant.scope, [...(groups.get(grant.scope) ?? []), grant])
  return SCOPE_NAMES.flatMap((scope) => {
    const list = groups.get(scope)
    return list ? [[scope, list] as [Scope, GrantView[]]] : []
  })
}

/** A user may hold the same right twice (two posts, a post and an assignment): all that tells them apart. */
const grantKey = ({ source, statement, target }: GrantView) =>
  [
    source.kind,
    source.policy.id,
    source.postType?.id,
    source.group?.id,
    statement?.id ?? 'issued',
    target.kind,
    target.groupId,
    target.userId,
    target.policyId,
  ].join(':')

/** Everything a user may do: per scope, on what, and where each right comes from. */
export function UserRights({ grants }: { grants: GrantView[] }) {
  const t = useT()
  const id = useId()
  if (grants.length === 0) return <p className="text-sm text-gray-600">{t('policy.rights.none')}</p>
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-gray-600">{t('policy.rights.summary', { count: grants.length })}</p>
      {byScope(grants).map(([scope, list]) => (
        <section key={scope} aria-labelledby={`${id}-${scope}`} className="flex flex-col gap-2">
          <h3 id={`${id}-${scope}`} className="font-mono text-sm font-semibold break-all text-gray-900">
            {scope}
          </h3>
          <p className="text-sm text-gray-600">{scopeText(t, scope)}</p>
          <ul className="flex flex-col divide-y divide-gray-200 border-t border-gray-200">
            {list.map((grant) => (
              <li key={grantKey(grant)} className="flex flex-col gap-0.5 py-2">
                <p className="font-medium text-gray-900">{targetText(t, grant.target)}</p>
                <GrantChain grant={grant} inline />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
