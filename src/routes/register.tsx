import { createFileRoute, redirect, useRouter } from '@tanstack/react-router'
import { RegistrationForm } from '~/domains/user/components/RegistrationForm'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { PageHeader } from '~/ui'

// Every page leads here until the user has a screen name (src/routes/__root.tsx).
export const Route = createFileRoute('/register')({
  beforeLoad: ({ context }) => {
    requireLogin(context.user, '/register')
    const screenName = context.user?.screenName
    if (screenName) throw redirect({ to: '/u/$screenName', params: { screenName } })
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'profile.register.title')} – PéK` }],
  }),
  component: RegisterPage,
})

function RegisterPage() {
  const t = useT()
  const { user } = Route.useRouteContext()
  const router = useRouter()
  if (!user) return null
  return (
    <>
      <PageHeader
        title={t('profile.register.title')}
        description={t('profile.register.description', { name: user.displayName })}
      />
      <RegistrationForm
        userId={user.id}
        // Reloading the root's user (and the layout's "my profile" link) makes beforeLoad above send
        // the now registered user on to their profile.
        onRegistered={() => router.invalidate()}
      />
    </>
  )
}
