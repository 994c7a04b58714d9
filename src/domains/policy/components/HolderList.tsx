import { type FormEvent, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Button, IdField } from '~/ui'
import { assignPolicy, revokePolicy } from '../policy-admin.functions'
import type { PolicyDetail } from '../policy-admin.schema'
import { ConfirmButton } from './ConfirmButton'
import { usePolicyAction } from './use-policy-action'

/** Who holds the policy directly, with revoke; an audience policy is held by everyone in it instead. */
export function HolderList({ policy }: { policy: PolicyDetail }) {
  const t = useT()
  const format = useFormat()
  const { run, pending } = usePolicyAction()
  const [userId, setUserId] = useState('')

  if (policy.audience) return <p className="text-sm text-gray-600">{t('policy.holders.audienceHeld')}</p>

  const assign = async (event: FormEvent) => {
    event.preventDefault()
    const done = await run(
      () => assignPolicy({ data: { policyId: policy.id, userId: Number(userId) } }),
      () => t('policy.holders.assigned'),
    )
    if (done) setUserId('')
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
                  {a.userName} <span className="text-sm text-gray-600">#{a.userId}</span>
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
        className="flex flex-wrap items-end gap-3"
        aria-label={t('policy.holders.assign')}
      >
        <IdField
          label={t('policy.holders.userId')}
          required
          value={userId}
          onValueChange={setUserId}
          wrapperClassName="w-40"
        />
        <Button type="submit" disabled={pending}>
          {t('policy.holders.assign')}
        </Button>
      </form>
    </div>
  )
}
