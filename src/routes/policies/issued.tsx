import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { HeldPolicyPanel, PolicyDetailPanel } from '~/domains/policy/components/PolicyDetailPanel'
import { PolicyTree } from '~/domains/policy/components/PolicyTree'
import { getPolicy, listIssuablePolicies } from '~/domains/policy/policy-admin.functions'
import { translate, useT } from '~/i18n'
import { orNotFound } from '~/shared/route-errors'
import { Card, EmptyState, PageHeader } from '~/ui'

// The issuer's screen (ADR 0012): the "can issue" policies the user holds and everything below
// them. The selected policy is in the URL, as on the admin's tree.
const Search = z.object({ policy: z.coerce.number().int().positive().optional().catch(undefined) })

export const Route = createFileRoute('/policies/issued')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ policy: search.policy }),
  loader: async ({ deps }) => {
    const policies = await listIssuablePolicies({ data: {} })
    const row = policies.find((p) => p.id === deps.policy)
    // A held policy is only issued under: its row says all its holder may read of it.
    const detail = row && !row.held ? await orNotFound(getPolicy({ data: { policyId: row.id } })) : null
    return { policies, held: row?.held ? row : null, detail }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'policy.issuer.title')} – PéK` }],
  }),
  component: IssuedPoliciesPage,
})

function IssuedPoliciesPage() {
  const t = useT()
  const { policies, held, detail } = Route.useLoaderData()
  const selectedId = held?.id ?? detail?.id ?? null
  return (
    <>
      <PageHeader title={t('policy.issuer.title')} description={t('policy.issuer.description')} />
      {policies.length === 0 ? (
        <EmptyState title={t('policy.issuer.none')} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
          <Card title={t('policy.tree.title')} headingLevel={2} className="self-start">
            <PolicyTree policies={policies} selectedId={selectedId} screen="issuer" />
          </Card>
          {held ? (
            <HeldPolicyPanel policy={held} />
          ) : detail ? (
            <PolicyDetailPanel policy={detail} policies={policies} screen="issuer" />
          ) : (
            <EmptyState title={t('policy.tree.select')} />
          )}
        </div>
      )}
    </>
  )
}
