import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import type { Scope } from '~/server/auth/scopes'
import { Button, type ComboboxOption, Select } from '~/ui'
import { scopeOptions } from './policy-text'
import { TargetPicker, UserPicker } from './TargetPickers'

export type TargetType = 'any' | 'group' | 'user'

/** What the check page asks about; it lives in the URL so a question can be shared and re-run. */
export interface AccessQuery {
  user?: number
  scope: Scope
  on: TargetType
  id?: number
}

/** The URL holds ids only; the page looks up their names so the pickers can show them. */
export interface AccessQueryPicks {
  user: ComboboxOption | null
  target: ComboboxOption | null
}

/** One form for both questions: with a user it checks that user, and it always lists who can. */
export function AccessQueryForm({
  query,
  picks,
  onSubmit,
}: {
  query: AccessQuery
  picks: AccessQueryPicks
  onSubmit: (q: AccessQuery) => void
}) {
  const t = useT()
  const [user, setUser] = useState(picks.user)
  const [scope, setScope] = useState<Scope>(query.scope)
  const [on, setOn] = useState<TargetType>(query.on)
  const [target, setTarget] = useState(picks.target)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({ scope, on, user: user?.id, id: on === 'any' ? undefined : target?.id })
  }
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
      <Select
        label={t('policy.check.scope')}
        wrapperClassName="sm:col-span-2"
        options={scopeOptions(t)}
        value={scope}
        onChange={(e) => setScope(e.target.value as Scope)}
      />
      <Select
        label={t('policy.check.targetType')}
        options={[
          { value: 'any', label: t('policy.check.targetAny') },
          { value: 'group', label: t('policy.check.targetGroup') },
          { value: 'user', label: t('policy.check.targetUser') },
        ]}
        value={on}
        onChange={(e) => {
          setOn(e.target.value as TargetType)
          setTarget(null)
        }}
      />
      {on !== 'any' && (
        <TargetPicker
          kind={on}
          label={on === 'group' ? t('policy.check.whichGroup') : t('policy.check.whichUser')}
          required
          value={target}
          onValueChange={setTarget}
        />
      )}
      <UserPicker
        label={t('policy.check.user')}
        hint={t('policy.check.userHint')}
        wrapperClassName="sm:col-span-2"
        value={user}
        onValueChange={setUser}
      />
      <div className="sm:col-span-2">
        <Button type="submit">{t('policy.check.submit')}</Button>
      </div>
    </form>
  )
}
