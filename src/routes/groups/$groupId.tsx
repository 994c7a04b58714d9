import { createFileRoute } from '@tanstack/react-router'
import { GroupDetails } from '~/domains/group/components/GroupDetails'
import { getGroup } from '~/domains/group/group.functions'
import { ActiveMemberList } from '~/domains/membership/components/ActiveMemberList'
import { getActiveMembers } from '~/domains/membership/membership.functions'
import { useT } from '~/i18n'
import { orNotFound } from '~/shared/route-errors'
import { Badge, ButtonLink, Card, PageHeader } from '~/ui'

export const Route = createFileRoute('/groups/$groupId')({
  loader: async ({ params, context }) => {
    const input = { data: { groupId: params.groupId } }
    // Members are only asked for when someone is logged in: for a visitor the answer is a 401 anyway.
    const [group, members] = await Promise.all([
      orNotFound(getGroup(input)),
      context.user ? getActiveMembers(input) : null,
    ])
    return { group, members }
  },
  head: ({ loaderData }) => ({ meta: loaderData ? [{ title: `${loaderData.group.name} – PéK` }] : [] }),
  component: GroupPage,
})

function GroupPage() {
  const t = useT()
  const { group, members } = Route.useLoaderData()
  const { groupId } = Route.useParams()
  return (
    <>
      <PageHeader
        title={group.name}
        description={group.shortDescription}
        actions={group.archived && <Badge tone="neutral">{t('group.page.archived')}</Badge>}
      />
      <GroupDetails group={group} />
      <Card title={t('group.page.activeMembers')} headingLevel={2} className="mt-6">
        {members ? (
          <ActiveMemberList members={members} />
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <p>{t('group.page.loginToSeeMembers')}</p>
            <ButtonLink href={`/auth/login?returnTo=${encodeURIComponent(`/groups/${groupId}`)}`} size="sm">
              {t('nav.login')}
            </ButtonLink>
          </div>
        )}
      </Card>
    </>
  )
}
