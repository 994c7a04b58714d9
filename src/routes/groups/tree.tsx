import { createFileRoute } from '@tanstack/react-router'
import { GroupTabs } from '~/domains/group/components/GroupTabs'
import { GroupTree } from '~/domains/group/components/GroupTree'
import { getGroupTree } from '~/domains/group/group.functions'
import { useT } from '~/i18n'
import { PageHeader } from '~/ui'

export const Route = createFileRoute('/groups/tree')({
  loader: () => getGroupTree(),
  component: GroupTreePage,
})

function GroupTreePage() {
  const t = useT()
  const tree = Route.useLoaderData()
  return (
    <>
      <PageHeader title={t('group.tree.title')} description={t('group.directory.description')} />
      <GroupTabs current="tree" />
      <GroupTree nodes={tree} />
    </>
  )
}
