import { createFileRoute, Link, redirect } from '@tanstack/react-router'
import { ProfilePointsSection } from '~/domains/evaluation/components/ProfilePointsSection'
import { getUserHistory } from '~/domains/evaluation/history.functions'
import { UserMembershipList } from '~/domains/membership/components/UserMembershipList'
import { getUserMemberships } from '~/domains/membership/membership.functions'
import { ExternalAccountList } from '~/domains/user/components/ExternalAccountList'
import { ProfileCard } from '~/domains/user/components/ProfileCard'
import { getProfile } from '~/domains/user/profile.functions'
import { requireLogin, userIdFromParam } from '~/domains/user/profile-route'
import { useT } from '~/i18n'
import { buttonClasses, Card, PageHeader } from '~/ui'

export const Route = createFileRoute('/u/$screenName/')({
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  loader: async ({ params }) => {
    const userId = await userIdFromParam(params.screenName)
    const input = { data: { userId } }
    const [profile, memberships] = await Promise.all([getProfile(input), getUserMemberships(input)])
    // One address per person: /u/FERI shows as /u/feri if that is how he spelled it.
    if (profile.screenName !== params.screenName) {
      throw redirect({ to: '/u/$screenName', params: { screenName: profile.screenName }, replace: true })
    }
    // Points and entry cards only for those who see the full profile (the owner and full-profile
    // holders: `privacy` is sent to them alone), the same `user:view-profile` the history needs.
    const history = profile.privacy ? await getUserHistory(input) : null
    return { profile, memberships, history }
  },
  head: ({ loaderData }) => ({
    meta: loaderData ? [{ title: `${loaderData.profile.displayName} – PéK` }] : [],
  }),
  component: ProfilePage,
})

function ProfilePage() {
  const t = useT()
  const { profile, memberships, history } = Route.useLoaderData()
  const { user } = Route.useRouteContext()
  return (
    <>
      <PageHeader
        title={profile.displayName}
        description={`@${profile.screenName}`}
        actions={
          profile.editable && (
            <Link
              to="/u/$screenName/edit"
              params={{ screenName: profile.screenName }}
              className={buttonClasses('secondary')}
            >
              {t('profile.page.edit')}
            </Link>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ProfileCard profile={profile} />
        </div>
        <ExternalAccountList accounts={profile.externalAccounts} />
      </div>
      <Card title={t('profile.groups.title')} headingLevel={2} className="mt-6" flush>
        <UserMembershipList memberships={memberships} caption={t('profile.groups.title')} />
      </Card>
      {history && <ProfilePointsSection history={history} own={user?.id === profile.id} />}
    </>
  )
}
