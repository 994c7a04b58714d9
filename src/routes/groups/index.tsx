import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { GroupDirectory } from '~/domains/group/components/GroupDirectory'
import { GroupTabs } from '~/domains/group/components/GroupTabs'
import { listGroups } from '~/domains/group/group.functions'
import { useT } from '~/i18n'
import { PageHeader } from '~/ui'

const Search = z.object({
  view: z.enum(['active', 'all']).catch('active').default('active'),
  q: z.string().max(100).catch('').default(''),
})

export const Route = createFileRoute('/groups/')({
  validateSearch: Search,
  loaderDeps: ({ search }) => search,
  loader: ({ deps }) => listGroups({ data: { status: deps.view, filter: deps.q } }),
  component: GroupsPage,
})

function GroupsPage() {
  const t = useT()
  const groups = Route.useLoaderData()
  const { view, q } = Route.useSearch()
  return (
    <>
      <PageHeader title={t('group.directory.title')} description={t('group.directory.description')} />
      <GroupTabs />
      <GroupDirectory groups={groups} filter={q} view={view} />
    </>
  )
}
