import { Link } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Button, type ComboboxOption } from '~/ui'
import { assignPolicy, revokePolicy } from '../policy-admin.functions'
import type { PolicyDetail } from '../policy-admin.schema'
import { ConfirmButton } from './ConfirmButton'
import type { PolicyScreen } from './policy-screens'
import { UserPicker } from './TargetPickers'
import { usePolicyAction } from './use-policy-action'

/**
 * Who holds the policy directly, with revoke; an audience policy is held by everyone in it instead.
 * A holder's name leads to their rights on the admin's screen (an issuer may not read them).
 */
export function HolderList({ policy, screen = 'admin' }: { policy: PolicyDetail; screen?: PolicyScreen }) {
  const t = useT()
  const format = useFormat()
  const { run, pending } = usePolicyAction()
  const [user, setUser] = useState<ComboboxOption | null>(null)

  if (policy.audience) return <p className="text-sm text-gray-600">{t('policy.holders.audienceHeld')}</p>

  const assign = async (event: FormEvent) => {
    event.preventDefault()
    if (!user) return
    const done = await run(
      () => assignPolicy({ data: { policyId: policy.id, userId: user.id } }),
      () => t('policy.holders.assigned'),
    )
    if (done) setUser(null)
  }

  return (
    <div className="flex flex-col gap-4">
      {policy.assignments.length === 0 ? (
        <p className="text-sm text-gray-600">{t('policy.holders.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-gray-200">
          {policy.assignments.map((a) => (
            <li key={a.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium text-gray-900">
                  {screen === 'admin' ? (
                    <Link to="/admin/policies/user" search={{ userId: a.userId }}>
                      {a.userName}
                    </Link>
                  ) : (
                    a.userName
                  )}{' '}
                  <span className="text-sm text-gray-600">#{a.userId}</span>
                </p>
                <p className="text-sm text-gray-600">
                  {t('policy.holders.since', { date: format.formatDate(a.at) })}
                  {a.by && ` · ${t('policy.holders.by', { name: a.by.name })}`}
                </p>
              </div>
              <ConfirmButton
                label={
                  <>
                    {t('policy.holders.revoke')}
                    <span className="sr-only"> ({a.userName})</span>
                  </>
                }
                question={t('policy.holders.revokeConfirm', { name: a.userName, policy: policy.name })}
                confirmLabel={t('policy.holders.revoke')}
                pending={pending}
                onConfirm={() =>
                  run(
                    () => revokePolicy({ data: { policyId: policy.id, userId: a.userId } }),
                    () => t('policy.holders.revoked'),
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={assign}
        // A column: the picker's list opens under it in the flow, and the button stays below both.
        className="flex max-w-md flex-col gap-3"
        aria-label={t('policy.holders.assign')}
      >
        <UserPicker label={t('policy.holders.user')} required value={user} onValueChange={setUser} />
        <div>
          <Button type="submit" loading={pending}>
            {t('policy.holders.assign')}
          </Button>
        </div>
      </form>
    </div>
  )
}
