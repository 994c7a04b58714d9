import { createFileRoute } from '@tanstack/react-router'
import { NotificationList } from '~/domains/notification/components/NotificationList'
import { listNotifications } from '~/domains/notification/notification.functions'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { PageHeader } from '~/ui'

export const Route = createFileRoute('/notifications')({
  beforeLoad: ({ context, location }) => {
    requireLogin(context.user, location.href)
    // requireLogin has thrown for a visitor; this narrows the type for the loader.
    if (!context.user) throw new Error('unreachable')
    return { userId: context.user.id }
  },
  loader: async ({ context }) => ({
    first: await listNotifications({ data: { userId: context.userId } }),
    // A new stamp per load: the list's own state (older pages, markings) starts again from the server's.
    loadedAt: Date.now(),
  }),
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'notification.title')} – PéK` }],
  }),
  component: NotificationsPage,
})

function NotificationsPage() {
  const t = useT()
  const { first, loadedAt } = Route.useLoaderData()
  const { userId } = Route.useRouteContext()
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('notification.title')} description={t('notification.description')} />
      <NotificationList key={loadedAt} userId={userId} first={first} />
    </div>
  )
}
