import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { GroupForm } from '~/domains/group/components/GroupForm'
import { GroupMoveForm } from '~/domains/group/components/GroupMoveForm'
import { groupFormValues } from '~/domains/group/components/group-form-values'
import { listGroups, readGroup, updateGroup } from '~/domains/group/group.functions'
import { Directory } from '~/domains/group/group.schema'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { readJson } from '~/shared/json-wire'
import { orNotFound } from '~/shared/route-errors'
import { ErrorState, PageHeader, useToast } from '~/ui'

export const Route = createFileRoute('/groups/$groupId/edit')({
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  loader: async ({ params }) => {
    const [group, groups] = await Promise.all([
      orNotFound(readGroup({ data: { groupId: params.groupId } })),
      readJson(listGroups({ data: { status: 'all', filter: '' } }), Directory),
    ])
    return { group, groups }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'groupAdmin.edit.title')} – PéK` }],
  }),
  component: EditGroupPage,
})

function EditGroupPage() {
  const t = useT()
  const toast = useToast()
  const navigate = useNavigate()
  const { group, groups } = Route.useLoaderData()
  // Only those who shape the tree (the guard's answer in the layout) are offered the move.
  const { user } = Route.useRouteContext()
  const groupId = String(group.id)
  return (
    <>
      <PageHeader
        title={t('groupAdmin.edit.title')}
        description={t('groupAdmin.edit.description')}
        eyebrow={
          <Link to="/groups/$groupId" params={{ groupId }}>
            ← {t('groupAdmin.edit.back')}
          </Link>
        }
      />
      {group.viewer.editProfile ? (
        <div className="flex flex-col gap-6">
          {/* Keyed by the version: reloading after a conflict starts the form afresh. */}
          <GroupForm
            key={group.version}
            title={group.name}
            initial={groupFormValues(group)}
            submitLabel={t('common.save')}
            send={(fields) => updateGroup({ data: { ...fields, groupId: group.id, version: group.version } })}
            refusalOf={(error) => (error.status === 403 ? t('groupAdmin.edit.forbidden') : null)}
            onSaved={() => {
              toast.success(t('groupAdmin.edit.saved'))
              void navigate({ to: '/groups/$groupId', params: { groupId } })
            }}
          />
          {user?.createGroups && <GroupMoveForm group={group} groups={groups} />}
        </div>
      ) : (
        <ErrorState status={403} message={t('groupAdmin.edit.forbidden')} />
      )}
    </>
  )
}
