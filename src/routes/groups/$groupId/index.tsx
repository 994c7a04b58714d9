import { createFileRoute, Link } from '@tanstack/react-router'
import { z } from 'zod'
import { GroupDetails } from '~/domains/group/components/GroupDetails'
import { GroupManageActions } from '~/domains/group/components/GroupManageActions'
import { readGroup } from '~/domains/group/group.functions'
import { AddMemberForm } from '~/domains/membership/components/AddMemberForm'
import { MemberRoster } from '~/domains/membership/components/MemberRoster'
import { MyMembershipPanel } from '~/domains/membership/components/MyMembershipPanel'
import { getMyMembership, getRoster } from '~/domains/membership/membership.functions'
import { Roster, type RosterTab } from '~/domains/membership/membership.schema'
import { useT } from '~/i18n'
import { readJson } from '~/shared/json-wire'
import { orNotFound } from '~/shared/route-errors'
import { Badge, ButtonLink, Card, PageHeader } from '~/ui'

// Optional, so that the default tab stays the bare /groups/10.
const Search = z.object({
  tab: z.enum(['pending', 'former', 'archived']).optional().catch(undefined),
})

const rosterTab = (search: z.infer<typeof Search>): RosterTab => search.tab ?? 'active'

export const Route = createFileRoute('/groups/$groupId/')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ tab: rosterTab(search) }),
  loader: async ({ params, context, deps }) => {
    const input = { data: { groupId: params.groupId } }
    // Members and the viewer's own membership only for someone logged in: a visitor would get a 401.
    const [group, roster, mine] = await Promise.all([
      orNotFound(readGroup(input)),
      context.user ? readJson(getRoster({ data: { groupId: params.groupId, tab: deps.tab } }), Roster) : null,
      context.user ? getMyMembership(input) : null,
    ])
    return { group, roster: roster && { ...roster, tab: deps.tab }, mine }
  },
  // A tab switch keeps the page and shows the loading state in the member panel only.
  pendingMs: Number.POSITIVE_INFINITY,
  head: ({ loaderData }) => ({ meta: loaderData ? [{ title: `${loaderData.group.name} – PéK` }] : [] }),
  component: GroupPage,
})

function GroupPage() {
  const t = useT()
  const { group, roster, mine } = Route.useLoaderData()
  // The tab in the URL leads the list shown while its members load.
  const requested = rosterTab(Route.useSearch())
  const { groupId } = Route.useParams()
  const { viewer } = group
  const tabs: RosterTab[] = [
    'active',
    ...(viewer.memberAdmin ? (['pending'] as const) : []),
    'former',
    ...(viewer.memberAdmin || group.showArchivedMembers ? (['archived'] as const) : []),
  ]
  return (
    <>
      <PageHeader
        title={group.name}
        description={group.shortDescription}
        actions={
          <>
            {group.archived && <Badge tone="neutral">{t('group.page.archived')}</Badge>}
            <GroupManageActions group={group} />
          </>
        }
      />
      <GroupDetails group={group} />
      {/* No viewer flag for the history yet: its page says who may see it (group:view-history). */}
      {roster && (
        <p className="mt-3 text-sm">
          <Link to="/groups/$groupId/history" params={{ groupId }}>
            {t('history.group.link')}
          </Link>
        </p>
      )}
      {roster && <MyMembershipPanel group={group} mine={mine} />}
      <Card title={t('group.page.members')} headingLevel={2} className="mt-6">
        {roster ? (
          <MemberRoster
            groupId={group.id}
            tabs={tabs}
            requested={requested}
            roster={roster}
            admin={viewer.memberAdmin}
          />
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <p>{t('group.page.loginToSeeMembers')}</p>
            <ButtonLink href={`/auth/login?returnTo=${encodeURIComponent(`/groups/${groupId}`)}`} size="sm">
              {t('nav.login')}
            </ButtonLink>
          </div>
        )}
      </Card>
      {viewer.memberAdmin && <AddMemberForm groupId={group.id} />}
    </>
  )
}
