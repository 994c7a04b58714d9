import { createFileRoute, Link } from '@tanstack/react-router'
import { NewGroupForm } from '~/domains/group/components/NewGroupForm'
import { createSubgroup, readGroup } from '~/domains/group/group.functions'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { orNotFound } from '~/shared/route-errors'
import { ErrorState, PageHeader } from '~/ui'

export const Route = createFileRoute('/groups/$groupId/new')({
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  loader: ({ params }) => orNotFound(readGroup({ data: { groupId: params.groupId } })),
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'groupAdmin.create.subgroupTitle')} – PéK` }],
  }),
  component: NewSubgroupPage,
})

function NewSubgroupPage() {
  const t = useT()
  const parent = Route.useLoaderData()
  const allowed = parent.viewer.createSubgroup && !parent.archived
  return (
    <>
      <PageHeader
        title={t('groupAdmin.create.subgroupTitle')}
        description={t('groupAdmin.create.subgroupDescription', { parent: parent.name })}
        eyebrow={
          <Link to="/groups/$groupId" params={{ groupId: String(parent.id) }}>
            ← {parent.name}
          </Link>
        }
      />
      {allowed ? (
        <NewGroupForm
          title={t('groupAdmin.create.subgroupTitle')}
          send={(fields) => createSubgroup({ data: { ...fields, parentId: parent.id } })}
          refusalOf={(error) =>
            error.status === 403
              ? t('groupAdmin.create.subgroupForbidden')
              : error.code === 'INVALID_STATE'
                ? t('groupAdmin.create.archivedParent')
                : null
          }
        />
      ) : (
        <ErrorState
          status={403}
          message={t(
            parent.archived ? 'groupAdmin.create.archivedParent' : 'groupAdmin.create.subgroupForbidden',
          )}
        />
      )}
    </>
  )
}
