import { createFileRoute } from '@tanstack/react-router'
import { PhotoUpload } from '~/domains/user/components/PhotoUpload'
import { getPhotoInfo } from '~/domains/user/photo.functions'
import { translate, useT } from '~/i18n'
import { ButtonLink, Card, PageHeader } from '~/ui'

// The logged-in user's own photo. The profile edit page mounts the same PhotoUpload component.
export const Route = createFileRoute('/profile/photo')({
  loader: async ({ context }) => {
    if (!context.user) return { user: null, photo: null }
    return { user: context.user, photo: await getPhotoInfo({ data: { userId: context.user.id } }) }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'photo.page.title')} – PéK` }],
  }),
  component: ProfilePhotoPage,
})

function ProfilePhotoPage() {
  const t = useT()
  const { user, photo } = Route.useLoaderData()
  return (
    <>
      <PageHeader title={t('photo.page.title')} description={t('photo.page.description')} />
      {user && photo ? (
        <div className="max-w-2xl">
          <PhotoUpload userId={user.id} hasPhoto={photo.hasPhoto} />
        </div>
      ) : (
        <Card>
          <div className="flex flex-wrap items-center gap-3">
            <p>{t('photo.page.loginRequired')}</p>
            <ButtonLink href={`/auth/login?returnTo=${encodeURIComponent('/profile/photo')}`} size="sm">
              {t('nav.login')}
            </ButtonLink>
          </div>
        </Card>
      )}
    </>
  )
}
