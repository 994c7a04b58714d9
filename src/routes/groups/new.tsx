import { createFileRoute, Link } from '@tanstack/react-router'
import { NewGroupForm } from '~/domains/group/components/NewGroupForm'
import { createTopLevelGroup } from '~/domains/group/group.functions'
import { requireLogin } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { PageHeader } from '~/ui'

// No flag tells the page who may create a top-level group (the RVT leader): the form is here for
// anyone logged in, and the server's 403 is said in words beside it.
export const Route = createFileRoute('/groups/new')({
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'groupAdmin.create.topLevelTitle')} – PéK` }],
  }),
  component: NewTopLevelGroupPage,
})

function NewTopLevelGroupPage() {
  const t = useT()
  return (
    <>
      <PageHeader
        title={t('groupAdmin.create.topLevelTitle')}
        description={t('groupAdmin.create.topLevelDescription')}
        eyebrow={<Link to="/groups">← {t('group.directory.title')}</Link>}
      />
      <NewGroupForm
        title={t('groupAdmin.create.topLevelTitle')}
        send={(fields) => createTopLevelGroup({ data: { ...fields, parentId: null } })}
        refusalOf={(error) => (error.status === 403 ? t('groupAdmin.create.topLevelForbidden') : null)}
      />
    </>
  )
}
