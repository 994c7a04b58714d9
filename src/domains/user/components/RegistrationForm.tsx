import { type FormEvent, useState } from 'react'
import type { Dormitory } from '~/generated/prisma/enums'
import { useT } from '~/i18n'
import { Button, Card, Select, TextField, useToast } from '~/ui'
import { registerUser } from '../registration.functions'
import { type Registered, RegistrationFields } from '../registration.schema'
import { useProfileOptions } from './use-profile-options'
import { useValidatedSubmit } from './use-validated-submit'

/** First login: screen name, dormitory and room. */
export function RegistrationForm({
  userId,
  onRegistered,
}: {
  userId: number
  onRegistered: (r: Registered) => void
}) {
  const t = useT()
  const toast = useToast()
  const options = useProfileOptions()
  const { formRef, submit, pending, errorOf } = useValidatedSubmit()
  const [values, setValues] = useState({ screenName: '', dormitory: 'SCHONHERZ' as Dormitory, room: '' })

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const registered = await submit(RegistrationFields, values, () =>
      registerUser({ data: { userId, ...values } }),
    )
    if (registered) {
      toast.success(t('profile.register.done'))
      onRegistered(registered)
    }
  }

  return (
    <Card className="max-w-xl">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        <TextField
          label={t('profile.fields.screenName')}
          hint={t('profile.register.screenNameHint')}
          name="screenName"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.screenName}
          onChange={(e) => setValues({ ...values, screenName: e.target.value })}
          error={errorOf('screenName')}
        />
        <Select
          label={t('profile.fields.dormitory')}
          name="dormitory"
          options={options.dormitories}
          value={values.dormitory}
          onChange={(e) => setValues({ ...values, dormitory: e.target.value as Dormitory })}
          error={errorOf('dormitory')}
        />
        <TextField
          label={t('profile.fields.room')}
          hint={t('profile.register.roomHint')}
          name="room"
          inputMode="text"
          value={values.room}
          onChange={(e) => setValues({ ...values, room: e.target.value })}
          error={errorOf('room')}
        />
        <div>
          <Button type="submit" loading={pending}>
            {t('profile.register.submit')}
          </Button>
        </div>
      </form>
    </Card>
  )
}
