import { createFileRoute, Link } from '@tanstack/react-router'
import { z } from 'zod'
import { GroupDirectory } from '~/domains/group/components/GroupDirectory'
import { GroupTabs } from '~/domains/group/components/GroupTabs'
import { listGroups } from '~/domains/group/group.functions'
import { Directory } from '~/domains/group/group.schema'
import { useT } from '~/i18n'
import { readJson } from '~/shared/json-wire'
import { buttonClasses, PageHeader } from '~/ui'

// Optional, so that /groups stays /groups (defaults would redirect to ?view=active&q=).
const Search = z.object({
  view: z.enum(['active', 'all']).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
})

export const Route = createFileRoute('/groups/')({
  validateSearch: Search,
  loaderDeps: ({ search }) => search,
  loader: ({ deps }) =>
    readJson(listGroups({ data: { status: deps.view ?? 'active', filter: deps.q ?? '' } }), Directory),
  component: GroupsPage,
})

function GroupsPage() {
  const t = useT()
  const groups = Route.useLoaderData()
  const { view = 'active', q = '' } = Route.useSearch()
  const { user } = Route.useRouteContext()
  return (
    <>
      <PageHeader
        title={t('group.directory.title')}
        description={t('group.directory.description')}
        actions={
          user?.createGroups && (
            <Link to="/groups/new" className={buttonClasses('primary', 'sm')}>
              {t('groupAdmin.create.topLevelTitle')}
            </Link>
          )
        }
      />
      <GroupTabs current={view} />
      <GroupDirectory groups={groups} filter={q} view={view} />
    </>
  )
}
