import { createFileRoute, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { z } from 'zod'
import { PolicyAdminTabs } from '~/domains/policy/components/PolicyAdminTabs'
import { UserPicker, userOption } from '~/domains/policy/components/TargetPickers'
import { UserRights } from '~/domains/policy/components/UserRights'
import { whatCan } from '~/domains/policy/policy-admin.functions'
import { getProfile } from '~/domains/user/profile.functions'
import { translate, useT } from '~/i18n'
import { statusOf } from '~/shared/public-error'
import { Card, type ComboboxOption, EmptyState, PageHeader } from '~/ui'

// The user is in the URL, so an answer can be linked to (a holder's name in the tree links here).
const Search = z.object({ userId: z.coerce.number().int().positive().optional().catch(undefined) })

export const Route = createFileRoute('/admin/policies/user')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ userId: search.userId }),
  loader: async ({ deps }) => {
    if (!deps.userId) return null
    const userId = deps.userId
    const [grants, profile] = await Promise.all([
      // An unknown user is an answer on this page, not an error page.
      whatCan({ data: { userId } }).catch((error: unknown) => {
        if (statusOf(error) === 404) return null
        throw error
      }),
      getProfile({ data: { userId } }).catch(() => null),
    ])
    return { userId, grants, profile }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'policy.rights.title')} – PéK` }],
  }),
  component: UserRightsPage,
})

/** Picking a user opens their rights at once (Enter or a click on a found name). */
function UserChooser({ initial }: { initial: ComboboxOption | null }) {
  const t = useT()
  const navigate = useNavigate()
  const [user, setUser] = useState(initial)
  return (
    <UserPicker
      label={t('policy.rights.user')}
      labelHidden
      value={user}
      onValueChange={(picked) => {
        setUser(picked)
        if (picked) void navigate({ to: '/admin/policies/user', search: { userId: picked.id } })
      }}
    />
  )
}

function UserRightsPage() {
  const t = useT()
  const result = Route.useLoaderData()
  const name = result?.profile?.displayName ?? `#${result?.userId}`
  return (
    <>
      <PageHeader title={t('policy.rights.title')} description={t('policy.rights.description')} />
      <PolicyAdminTabs current="user" />
      <div className="grid gap-6 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
        <Card title={t('policy.rights.user')} headingLevel={2} className="self-start">
          <UserChooser
            // Starts over from the user in the URL whenever it changes.
            key={result?.userId}
            initial={result?.profile ? userOption(t, result.profile) : null}
          />
        </Card>
        {!result ? (
          <EmptyState title={t('policy.rights.pick')} />
        ) : result.grants ? (
          <Card title={t('policy.rights.resultTitle', { name })} headingLevel={2} className="min-w-0">
            <UserRights grants={result.grants} />
          </Card>
        ) : (
          <EmptyState title={t('policy.rights.notFound', { userId: result.userId })} />
        )}
      </div>
    </>
  )
}
