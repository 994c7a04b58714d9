import { type FormEvent, useId, useState } from 'react'
import { useT } from '~/i18n'
import { Button, Card, Checkbox, useToast } from '~/ui'
import { updatePrivacy } from '../profile.functions'
import { type EditableProfile, PRIVATE_FIELDS, PrivacySettings } from '../profile.schema'
import { ConflictNotice } from './ConflictNotice'
import { useValidatedSubmit } from './use-validated-submit'

export type PrivacyFormProps = {
  profile: EditableProfile
  version: number
  onSaved: (profile: EditableProfile) => void
}

/** One switch per sensitive field: checked means every logged-in user may see it. */
export function PrivacyForm({ profile, version, onSaved }: PrivacyFormProps) {
  const t = useT()
  const toast = useToast()
  const idBase = useId()
  const { formRef, submit, pending, conflict } = useValidatedSubmit()
  const [privacy, setPrivacy] = useState<PrivacySettings>(profile.privacy)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const saved = await submit(PrivacySettings, privacy, () =>
      updatePrivacy({ data: { userId: profile.id, version, ...privacy } }),
    )
    if (saved) {
      setPrivacy(saved.privacy)
      toast.success(t('profile.privacy.saved'))
      onSaved(saved)
    }
  }

  return (
    <Card title={t('profile.privacy.title')} headingLevel={2}>
      <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4">
        <p className="text-sm text-gray-600">{t('profile.privacy.description')}</p>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-gray-900">{t('profile.privacy.legend')}</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {PRIVATE_FIELDS.map((field) => {
              const key = `${field}Public` as const
              const id = `${idBase}-${field}`
              return (
                <li key={field}>
                  <Checkbox
                    id={id}
                    name={key}
                    label={t(`profile.fields.${field}`)}
                    checked={privacy[key]}
                    onChange={(e) => setPrivacy({ ...privacy, [key]: e.target.checked })}
                  />
                </li>
              )
            })}
          </ul>
        </fieldset>
        {conflict && <ConflictNotice />}
        <div>
          <Button type="submit" loading={pending}>
            {t('profile.privacy.save')}
          </Button>
        </div>
      </form>
    </Card>
  )
}
