import { createFileRoute, Link } from '@tanstack/react-router'
import { readGroup } from '~/domains/group/group.functions'
import { PostGrid } from '~/domains/membership/components/PostGrid'
import { PostHandOver } from '~/domains/membership/components/PostHandOver'
import { PostTypeList } from '~/domains/membership/components/PostTypeList'
import { getPostGrid } from '~/domains/membership/membership.functions'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { statusOf } from '~/shared/public-error'
import { orNotFound } from '~/shared/route-errors'
import { buttonClasses, ErrorState, PageHeader } from '~/ui'

/** The grid, or null when the server refuses it (403): the page then says who may manage posts. */
async function gridOrDenied(call: ReturnType<typeof getPostGrid>) {
  try {
    return await call
  } catch (error) {
    if (statusOf(error) === 403) return null
    throw error
  }
}

export const Route = createFileRoute('/groups/$groupId/posts')({
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  loader: async ({ params }) => {
    const input = { data: { groupId: params.groupId } }
    const [group, grid] = await Promise.all([orNotFound(readGroup(input)), gridOrDenied(getPostGrid(input))])
    // A new stamp per load: the grid's optimistic state starts again from what the server answered.
    return { group, grid, loadedAt: Date.now() }
  },
  head: ({ loaderData, match }) => ({
    meta: loaderData
      ? [
          {
            title: `${translate(match.context.locale, 'postAdmin.title', { group: loaderData.group.name })} – PéK`,
          },
        ]
      : [],
  }),
  component: GroupPostsPage,
})

function GroupPostsPage() {
  const t = useT()
  const { group, grid, loadedAt } = Route.useLoaderData()
  const back = (
    <Link to="/groups/$groupId" params={{ groupId: String(group.id) }}>
      ← {t('postAdmin.back', { group: group.name })}
    </Link>
  )
  if (!grid)
    return (
      <>
        <PageHeader title={t('postAdmin.title', { group: group.name })} eyebrow={back} />
        <ErrorState
          status={403}
          message={t('postAdmin.forbidden')}
          actions={
            <Link
              to="/groups/$groupId"
              params={{ groupId: String(group.id) }}
              className={buttonClasses('secondary')}
            >
              {t('postAdmin.back', { group: group.name })}
            </Link>
          }
        />
      </>
    )
  return (
    <>
      <PageHeader
        title={t('postAdmin.title', { group: group.name })}
        description={t('postAdmin.description')}
        eyebrow={back}
      />
      <div className="flex flex-col gap-6">
        {/* The short cards first: a big group's grid runs long. */}
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <PostTypeList groupId={group.id} types={grid.postTypes} />
          {group.viewer.owner && <PostHandOver key={loadedAt} groupId={group.id} grid={grid} />}
        </div>
        {/* A plain block: the table's own region is named by the same title (its hidden caption). */}
        <div className="flex flex-col gap-3">
          <div>
            <h2 className="text-lg font-semibold text-gray-900">{t('postAdmin.grid.title')}</h2>
            <p className="text-sm text-gray-600">{t('postAdmin.grid.description')}</p>
          </div>
          <PostGrid key={loadedAt} groupId={group.id} grid={grid} />
        </div>
      </div>
    </>
  )
}
