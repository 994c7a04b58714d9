import { type FormEvent, useState } from 'react'
import type { Dormitory, Gender, StudentStatus } from '~/generated/prisma/enums'
import { useT } from '~/i18n'
import { Button, Card, Select, TextField, useToast } from '~/ui'
import { updateProfile } from '../profile.functions'
import { type EditableProfile, ProfileFields } from '../profile.schema'
import { ConflictNotice } from './ConflictNotice'
import { useProfileOptions } from './use-profile-options'
import { useValidatedSubmit } from './use-validated-submit'

type Values = {
  nickname: string
  gender: Gender
  dateOfBirth: string
  homeAddress: string
  cellPhone: string
  webpage: string
  dormitory: Dormitory
  room: string
  studentStatus: StudentStatus
}

const formValues = (fields: EditableProfile['fields']): Values => ({
  ...fields,
  nickname: fields.nickname ?? '',
  dateOfBirth: fields.dateOfBirth ?? '',
  homeAddress: fields.homeAddress ?? '',
  cellPhone: fields.cellPhone ?? '',
  webpage: fields.webpage ?? '',
  room: fields.room ?? '',
})

export type ProfileEditFormProps = {
  profile: EditableProfile
  version: number
  onSaved: (profile: EditableProfile) => void
}

/** Every editable profile field; the name and e-mail come from AuthSCH and are only shown. */
export function ProfileEditForm({ profile, version, onSaved }: ProfileEditFormProps) {
  const t = useT()
  const toast = useToast()
  const options = useProfileOptions()
  const { formRef, submit, pending, conflict, errorOf } = useValidatedSubmit()
  const [values, setValues] = useState(() => formValues(profile.fields))
  const text = (name: keyof Values) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }),
    error: errorOf(name),
  })

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const saved = await submit(ProfileFields, values, () =>
      updateProfile({ data: { userId: profile.id, version, ...values } }),
    )
    if (saved) {
      setValues(formValues(saved.fields))
      toast.success(t('profile.edit.saved'))
      onSaved(saved)
    }
  }

  return (
    <Card title={t('profile.edit.personal')} headingLevel={2}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-gray-600">{t('profile.fields.name')}</dt>
          <dd>{profile.displayName}</dd>
          <dt className="font-medium text-gray-600">{t('profile.fields.email')}</dt>
          <dd>{profile.email ?? t('profile.page.notGiven')}</dd>
        </dl>
        <p className="text-sm text-gray-600">{t('profile.edit.fromProvider')}</p>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label={t('profile.fields.nickname')} autoComplete="nickname" {...text('nickname')} />
          <Select label={t('profile.fields.gender')} options={options.genders} {...text('gender')} />
          <TextField
            label={t('profile.fields.dateOfBirth')}
            type="date"
            min="1900-01-01"
            autoComplete="bday"
            {...text('dateOfBirth')}
          />
          <TextField
            label={t('profile.fields.cellPhone')}
            hint={t('profile.edit.phoneHint')}
            type="tel"
            autoComplete="tel"
            {...text('cellPhone')}
          />
          <TextField
            label={t('profile.fields.homeAddress')}
            autoComplete="street-address"
            wrapperClassName="sm:col-span-2"
            {...text('homeAddress')}
          />
          <TextField
            label={t('profile.fields.webpage')}
            hint={t('profile.edit.webpageHint')}
            type="url"
            autoComplete="url"
            wrapperClassName="sm:col-span-2"
            {...text('webpage')}
          />
          <Select
            label={t('profile.fields.dormitory')}
            options={options.dormitories}
            {...text('dormitory')}
          />
          <TextField label={t('profile.fields.room')} {...text('room')} />
          <Select
            label={t('profile.fields.studentStatus')}
            options={options.studentStatuses}
            {...text('studentStatus')}
          />
        </div>
        {conflict && <ConflictNotice />}
        <div>
          <Button type="submit" loading={pending}>
            {pending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  )
}
