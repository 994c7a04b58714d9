import { type FormEvent, useState } from 'react'
import { useT } from '~/i18n'
import type { Scope } from '~/server/auth/scopes'
import { Button, IdField, Select } from '~/ui'
import { scopeOptions } from './policy-text'

export type TargetType = 'any' | 'group' | 'user'

/** What the check page asks about; it lives in the URL so a question can be shared and re-run. */
export interface AccessQuery {
  user?: number
  scope: Scope
  on: TargetType
  id?: number
}

/** One form for both questions: with a user id it checks that user, and it always lists who can. */
export function AccessQueryForm({
  query,
  onSubmit,
}: {
  query: AccessQuery
  onSubmit: (q: AccessQuery) => void
}) {
  const t = useT()
  const [user, setUser] = useState(query.user ? String(query.user) : '')
  const [scope, setScope] = useState<Scope>(query.scope)
  const [on, setOn] = useState<TargetType>(query.on)
  const [id, setId] = useState(query.id ? String(query.id) : '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({
      scope,
      on,
      user: user ? Number(user) : undefined,
      id: on === 'any' || !id ? undefined : Number(id),
    })
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
        onChange={(e) => setOn(e.target.value as TargetType)}
      />
      {on !== 'any' && (
        <IdField label={t('policy.check.targetId')} required value={id} onValueChange={setId} />
      )}
      <IdField
        label={t('policy.check.userId')}
        hint={t('policy.check.userHint')}
        value={user}
        onValueChange={setUser}
      />
      <div className="sm:col-span-2">
        <Button type="submit">{t('policy.check.submit')}</Button>
      </div>
    </form>
  )
}
