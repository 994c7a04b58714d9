import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { AuditList } from '~/domains/policy/components/AuditList'
import { PolicyAdminTabs } from '~/domains/policy/components/PolicyAdminTabs'
import { listPolicyAudit } from '~/domains/policy/policy-admin.functions'
import { translate, useT } from '~/i18n'
import { PageHeader } from '~/ui'

const Search = z.object({ page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined) })

export const Route = createFileRoute('/admin/policies/audit')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ deps }) => listPolicyAudit({ data: { page: deps.page } }),
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'policy.audit.title')} – PéK` }],
  }),
  component: AuditPage,
})

function AuditPage() {
  const t = useT()
  const audit = Route.useLoaderData()
  return (
    <>
      <PageHeader title={t('policy.audit.title')} description={t('policy.audit.description')} />
      <PolicyAdminTabs current="audit" />
      <AuditList audit={audit} />
    </>
  )
}
