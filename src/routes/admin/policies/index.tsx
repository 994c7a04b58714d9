import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { PolicyAdminTabs } from '~/domains/policy/components/PolicyAdminTabs'
import { PolicyDetailPanel } from '~/domains/policy/components/PolicyDetailPanel'
import { PolicyTree } from '~/domains/policy/components/PolicyTree'
import { getPolicy, listPolicies } from '~/domains/policy/policy-admin.functions'
import { translate, useT } from '~/i18n'
import { orNotFound } from '~/shared/route-errors'
import { Card, EmptyState, PageHeader } from '~/ui'

// The selected policy is in the URL, so a detail can be linked to and survives a reload.
const Search = z.object({ policy: z.coerce.number().int().positive().optional().catch(undefined) })

export const Route = createFileRoute('/admin/policies/')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ policy: search.policy }),
  loader: async ({ deps }) => {
    const [policies, selected] = await Promise.all([
      listPolicies({ data: {} }),
      deps.policy ? orNotFound(getPolicy({ data: { policyId: deps.policy } })) : null,
    ])
    return { policies, selected }
  },
  head: ({ match }) => ({ meta: [{ title: `${translate(match.context.locale, 'policy.title')} – PéK` }] }),
  component: PoliciesPage,
})

function PoliciesPage() {
  const t = useT()
  const { policies, selected } = Route.useLoaderData()
  return (
    <>
      <PageHeader title={t('policy.title')} description={t('policy.description')} />
      <PolicyAdminTabs current="tree" />
      <div className="grid gap-6 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
        <Card title={t('policy.tree.title')} headingLevel={2} className="self-start">
          <PolicyTree policies={policies} selectedId={selected?.id ?? null} />
        </Card>
        {selected ? (
          <PolicyDetailPanel policy={selected} policies={policies} />
        ) : (
          <EmptyState title={t('policy.tree.select')} />
        )}
      </div>
    </>
  )
}
