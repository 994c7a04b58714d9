import { type FormEvent, useState } from 'react'
import { UserPicker } from '~/domains/policy/components/TargetPickers'
import { useT } from '~/i18n'
import { Button, Card, type ComboboxOption } from '~/ui'
import { addMember } from '../membership.functions'
import { useAction } from './use-action'

/** A member admin adds a user picked by name as an active member, without an application. */
export function AddMemberForm({ groupId }: { groupId: number }) {
  const t = useT()
  const { run, pending } = useAction()
  const [user, setUser] = useState<ComboboxOption | null>(null)
  const [error, setError] = useState<string | undefined>()

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!user) {
      setError(t('roster.add.pickFirst'))
      return
    }
    setError(undefined)
    const name = user.label
    const added = await run(() => addMember({ data: { groupId, userId: user.id } }), {
      done: t('roster.add.done', { name }),
      conflict: (status) => t('roster.add.already', { name, status }),
    })
    if (added) setUser(null)
  }

  return (
    <Card title={t('roster.add.title')} headingLevel={2} className="mt-6">
      <form onSubmit={onSubmit} noValidate aria-label={t('roster.add.title')} className="flex flex-col gap-4">
        <p className="text-sm text-gray-600">{t('roster.add.description')}</p>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <UserPicker
            label={t('roster.add.user')}
            value={user}
            onValueChange={(picked) => {
              setUser(picked)
              if (picked) setError(undefined)
            }}
            error={error}
            wrapperClassName="min-w-0 flex-1"
          />
          <Button type="submit" loading={pending} className="sm:mt-7">
            {t('roster.add.submit')}
          </Button>
        </div>
      </form>
    </Card>
  )
}
