/// <reference types="vite/client" />
import {
  createRootRoute,
  HeadContent,
  Link,
  Outlet,
  redirect,
  Scripts,
  useMatch,
  useRouter,
  useRouterState,
} from '@tanstack/react-router'
import { type ReactNode, useEffect } from 'react'
import { NotificationBell } from '~/domains/notification/components/NotificationBell'
import { UnreadCountProvider } from '~/domains/notification/components/UnreadCount'
import { countUnreadNotifications } from '~/domains/notification/notification.functions'
import { SearchForm } from '~/domains/search/components/SearchForm'
import { getCurrentUser } from '~/domains/user/user.functions'
import { DEFAULT_LOCALE, I18nProvider, translate, useT } from '~/i18n'
import { readLocale } from '~/shared/locale'
import { NotFoundPage, RouteError } from '~/shared/RouteError'
import appCss from '~/styles/app.css?url'
import { AppShell, ToastProvider } from '~/ui'

export const Route = createRootRoute({
  beforeLoad: async ({ location }) => {
    const user = await getCurrentUser()
    // Until a logged-in user has chosen a screen name, every page leads to the registration form.
    if (user && !user.screenName && location.pathname !== '/register') throw redirect({ to: '/register' })
    const policyAdmin = user?.policyAdmin ?? false
    // A "can issue" holder who is not a policy admin gets their own screen (ADR 0012).
    const issuer = !policyAdmin && (user?.issuer ?? false)
    const semesterAdmin = user?.semesterAdmin ?? false
    const reviewer = user?.reviewer ?? false
    return { locale: readLocale(), user, policyAdmin, issuer, semesterAdmin, reviewer }
  },
  loader: async ({ context }) => ({
    locale: context.locale,
    user: context.user,
    policyAdmin: context.policyAdmin,
    issuer: context.issuer,
    semesterAdmin: context.semesterAdmin,
    reviewer: context.reviewer,
    unread: context.user ? await unreadOrNull(context.user.id) : null,
  }),
  head: ({ loaderData }) => ({
    meta: [
      { charSet: 'utf-8' },
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
      { title: translate(loaderData?.locale ?? 'hu', 'app.name') },
      { name: 'description', content: translate(loaderData?.locale ?? 'hu', 'app.tagline') },
    ],
    links: [
      { rel: 'stylesheet', href: appCss },
      { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
    ],
    // Before the app's modules (document order): keeps zod's eval probe from tripping the CSP.
    scripts: [{ src: '/zod-jitless.js', type: 'module' }],
  }),
  shellComponent: Shell,
  component: Outlet,
  errorComponent: RouteError,
  notFoundComponent: NotFoundPage,
})

/** The bell's count, asked again on every navigation; a failed count hides the number, not the page. */
async function unreadOrNull(userId: number): Promise<number | null> {
  try {
    return await countUnreadNotifications({ data: { userId } })
  } catch {
    return null
  }
}

/** The document around every page, error pages included (then loader data may be missing). */
function Shell({ children }: { children: ReactNode }) {
  const data = useMatch({ from: '__root__', shouldThrow: false })?.loaderData
  const locale = data?.locale ?? DEFAULT_LOCALE
  const router = useRouter()
  return (
    <html lang={locale}>
      <head>
        <HeadContent />
      </head>
      <body>
        <I18nProvider locale={locale}>
          <ToastProvider>
            <UnreadCountProvider userId={data?.user?.id ?? null} count={data?.unread ?? null}>
              <Layout
                user={data?.user ?? null}
                policyAdmin={data?.policyAdmin ?? false}
                issuer={data?.issuer ?? false}
                semesterAdmin={data?.semesterAdmin ?? false}
                reviewer={data?.reviewer ?? false}
                onLocaleChange={() => router.invalidate()}
              >
                {children}
              </Layout>
            </UnreadCountProvider>
          </ToastProvider>
        </I18nProvider>
        <Hydrated />
        <Scripts />
      </body>
    </html>
  )
}

function Layout({
  user,
  policyAdmin,
  issuer,
  semesterAdmin,
  reviewer,
  onLocaleChange,
  children,
}: {
  user: { displayName: string; screenName: string | null } | null
  policyAdmin: boolean
  issuer: boolean
  semesterAdmin: boolean
  reviewer: boolean
  onLocaleChange: () => void
  children: ReactNode
}) {
  const t = useT()
  const returnTo = useRouterState({ select: (s) => s.location.href })
  return (
    <AppShell
      user={user}
      loginHref={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}
      logoutAction="/auth/logout"
      navItems={[
        { to: '/groups', label: t('nav.groups') },
        { to: '/groups/tree', label: t('nav.groupTree') },
        ...(user?.screenName ? [{ to: `/u/${user.screenName}`, label: t('nav.profile') }] : []),
        ...(policyAdmin ? [{ to: '/admin/policies', label: t('policy.nav') }] : []),
        ...(issuer ? [{ to: '/policies/issued', label: t('policy.issuer.nav') }] : []),
        ...(semesterAdmin ? [{ to: '/admin/semester', label: t('semester.nav') }] : []),
        ...(reviewer ? [{ to: '/reviews', label: t('review.nav') }] : []),
      ]}
      renderLink={(item, className) => (
        <Link to={item.to} className={className} activeOptions={{ exact: true }}>
          {item.label}
        </Link>
      )}
      onLocaleChange={onLocaleChange}
      search={<SearchForm variant="header" />}
      notifications={user && <NotificationBell />}
    >
      {children}
    </AppShell>
  )
}

/** Marks the document once React has hydrated: end-to-end tests wait for it before clicking. */
function Hydrated() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return null
}
