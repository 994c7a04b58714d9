import { createFileRoute, Link } from '@tanstack/react-router'
import { useState } from 'react'
import { ExternalAccountsEditor } from '~/domains/user/components/ExternalAccountsEditor'
import { PhotoUpload } from '~/domains/user/components/PhotoUpload'
import { PrivacyForm } from '~/domains/user/components/PrivacyForm'
import { ProfileEditForm } from '~/domains/user/components/ProfileEditForm'
import { getPhotoInfo } from '~/domains/user/photo.functions'
import { getEditableProfile } from '~/domains/user/profile.functions'
import { requireLogin, userIdFromParam } from '~/domains/user/profile-route'
import { translate, useT } from '~/i18n'
import { PageHeader } from '~/ui'

export const Route = createFileRoute('/u/$screenName/edit')({
  beforeLoad: ({ context, location }) => requireLogin(context.user, location.href),
  // Someone else's profile is a 403 from the server here, shown as the route's error page.
  loader: async ({ params }) => {
    const input = { data: { userId: await userIdFromParam(params.screenName) } }
    const [profile, photo] = await Promise.all([getEditableProfile(input), getPhotoInfo(input)])
    return { profile, photo }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'profile.edit.title')} – PéK` }],
  }),
  component: EditProfilePage,
})

function EditProfilePage() {
  const t = useT()
  const { profile, photo } = Route.useLoaderData()
  // Both forms move the same Profile.version on; each save hands the next one the new version.
  const [version, setVersion] = useState(profile.version)
  const saved = (next: { version: number }) => setVersion(next.version)
  return (
    <>
      <PageHeader
        title={t('profile.edit.title')}
        description={t('profile.edit.description')}
        eyebrow={
          <Link to="/u/$screenName" params={{ screenName: profile.screenName }}>
            ← {t('profile.edit.back')}
          </Link>
        }
      />
      {/* Keyed by the loaded version: reloading after a conflict starts the forms afresh. */}
      <div key={profile.version} className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <ProfileEditForm profile={profile} version={version} onSaved={saved} />
          <PrivacyForm profile={profile} version={version} onSaved={saved} />
          <ExternalAccountsEditor userId={profile.id} accounts={profile.externalAccounts} />
        </div>
        <div>
          <PhotoUpload userId={profile.id} hasPhoto={photo.hasPhoto} />
        </div>
      </div>
    </>
  )
}
