import { useT } from '~/i18n'
import { removePolicyStatement } from '../policy-admin.functions'
import type { StatementView } from '../policy-admin.schema'
import { ConfirmButton } from './ConfirmButton'
import { scopeText, targetText } from './policy-text'
import { usePolicyAction } from './use-policy-action'

/** The statements of a policy, each with remove; `readOnly` for a policy the viewer may not edit. */
export function StatementList({
  policyId,
  statements,
  readOnly = false,
}: {
  policyId: number
  statements: StatementView[]
  readOnly?: boolean
}) {
  const t = useT()
  const { run, pending } = usePolicyAction()
  if (statements.length === 0) return <p className="text-sm text-gray-600">{t('policy.statements.none')}</p>
  return (
    <ul className="flex flex-col divide-y divide-gray-200">
      {statements.map((s) => {
        const summary = `${s.scope} – ${targetText(t, s.target)}`
        return (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-mono text-sm text-gray-900">{s.scope}</p>
              <p className="text-sm text-gray-600">
                {scopeText(t, s.scope)} · {targetText(t, s.target)}
              </p>
            </div>
            {!readOnly && (
              <ConfirmButton
                label={
                  <>
                    {t('policy.statements.remove')}
                    <span className="sr-only"> ({summary})</span>
                  </>
                }
                question={t('policy.statements.removeConfirm', { statement: summary })}
                confirmLabel={t('policy.statements.remove')}
                pending={pending}
                onConfirm={() =>
                  run(
                    () => removePolicyStatement({ data: { policyId, statementId: s.id } }),
                    () => t('policy.statements.removed'),
                  )
                }
              />
            )}
          </li>
        )
      })}
    </ul>
  )
}
