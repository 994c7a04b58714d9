import { createFileRoute, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { readGroup } from '~/domains/group/group.functions'
import { AccessQueryForm, type AccessQueryPicks } from '~/domains/policy/components/AccessQueryForm'
import { ExplanationChain } from '~/domains/policy/components/ExplanationChain'
import { PolicyAdminTabs } from '~/domains/policy/components/PolicyAdminTabs'
import { groupOption, userOption } from '~/domains/policy/components/TargetPickers'
import { WhoCanList } from '~/domains/policy/components/WhoCanList'
import { explainAccess, whoCan } from '~/domains/policy/policy-admin.functions'
import { ScopeName } from '~/domains/policy/policy-admin.schema'
import { getProfile } from '~/domains/user/profile.functions'
import { type TFunction, translate, useT } from '~/i18n'
import { statusOf } from '~/shared/public-error'
import { Card, ErrorState, PageHeader } from '~/ui'

const Id = z.coerce.number().int().positive().optional().catch(undefined)
// Without a question the page answers a useful default: who may administer policies.
const Search = z.object({
  scope: ScopeName.catch('policy:admin').default('policy:admin'),
  on: z.enum(['any', 'group', 'user']).catch('any').default('any'),
  id: Id,
  user: Id,
})

export const Route = createFileRoute('/admin/policies/check')({
  validateSearch: Search,
  loaderDeps: ({ search }) => search,
  loader: async ({ deps }) => {
    const target =
      deps.on === 'group' && deps.id
        ? { type: 'group' as const, groupId: deps.id }
        : deps.on === 'user' && deps.id
          ? { type: 'user' as const, userId: deps.id }
          : { type: 'any' as const }
    const [who, check, names] = await Promise.all([
      whoCan({ data: { scope: deps.scope, target } }),
      deps.user ? explainUser(deps.user, deps.scope, target) : null,
      namesOf(deps),
    ])
    return { who, check, names }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'policy.check.title')} – PéK` }],
  }),
  component: CheckPage,
})

/** What the ids in the URL are called, for the pickers; a name that cannot be found shows as the id. */
async function namesOf(search: z.output<typeof Search>) {
  const profile = (userId: number | undefined) =>
    userId ? getProfile({ data: { userId } }).catch(() => null) : null
  const [user, targetUser, targetGroup] = await Promise.all([
    profile(search.user),
    profile(search.on === 'user' ? search.id : undefined),
    search.on === 'group' && search.id ? readGroup({ data: { groupId: search.id } }).catch(() => null) : null,
  ])
  return { user, targetUser, targetGroup }
}
type Names = Awaited<ReturnType<typeof namesOf>>
type AccessTarget = Parameters<typeof explainAccess>[0]['data']['target']

function picksOf(t: TFunction, search: { user?: number; id?: number }, names: Names): AccessQueryPicks {
  const bare = (id: number | undefined) => (id === undefined ? null : { id, label: `#${id}` })
  const { user, targetUser, targetGroup } = names
  return {
    user: user ? userOption(t, user) : bare(search.user),
    target: targetGroup
      ? groupOption(t, targetGroup)
      : targetUser
        ? userOption(t, targetUser)
        : bare(search.id),
  }
}

/** An unknown user is an answer on this page, not an error page. */
async function explainUser(userId: number, scope: z.output<typeof ScopeName>, target: AccessTarget) {
  try {
    return { userId, explanation: await explainAccess({ data: { userId, scope, target } }) }
  } catch (error) {
    if (statusOf(error) === 404) return { userId, explanation: null }
    throw error
  }
}

function CheckPage() {
  const t = useT()
  const navigate = useNavigate()
  const search = Route.useSearch()
  const { who, check, names } = Route.useLoaderData()
  return (
    <>
      <PageHeader title={t('policy.check.title')} description={t('policy.check.description')} />
      <PolicyAdminTabs current="check" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('policy.check.title')} headingLevel={2} className="self-start">
          <AccessQueryForm
            key={JSON.stringify(search)}
            query={search}
            picks={picksOf(t, search, names)}
            onSubmit={(query) => navigate({ to: '/admin/policies/check', search: query })}
          />
        </Card>
        <div className="flex min-w-0 flex-col gap-6">
          {check && (
            <Card title={t('policy.check.resultTitle', { userId: check.userId })} headingLevel={2}>
              {check.explanation ? (
                <ExplanationChain explanation={check.explanation} />
              ) : (
                <ErrorState status={404} />
              )}
            </Card>
          )}
          <Card title={t('policy.check.whoTitle')} headingLevel={2}>
            <p className="mb-3 text-sm text-gray-600">{t('policy.check.whoDescription')}</p>
            <WhoCanList who={who} />
          </Card>
        </div>
      </div>
    </>
  )
}
