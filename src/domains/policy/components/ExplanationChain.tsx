import { useT } from '~/i18n'
import { Badge } from '~/ui'
import type { ExplanationView, GrantView } from '../policy-admin.schema'
import { sourceText, targetText } from './policy-text'

/** Allow or deny, and the grant that decided it: which policy, how the user holds it, through what. */
export function ExplanationChain({ explanation }: { explanation: ExplanationView }) {
  const t = useT()
  const chain = explanation.chain
  return (
    <div className="flex flex-col gap-2">
      <p>
        <Badge tone={explanation.allowed ? 'success' : 'danger'}>
          {explanation.allowed ? t('policy.check.allowed') : t('policy.check.denied')}
        </Badge>
      </p>
      {chain ? (
        <GrantChain grant={chain.grant} throughAncestor={chain.throughAncestor} />
      ) : (
        !explanation.allowed && <p className="text-sm text-gray-600">{t('policy.check.noGrant')}</p>
      )}
    </div>
  )
}

/**
 * Where a grant comes from: the policy, its statement, how the user holds it, through what ancestor.
 * As numbered steps, or `inline` on one line under a target already shown (the statement is then
 * left out where it says no more than that target).
 */
export function GrantChain({
  grant,
  throughAncestor,
  inline = false,
}: {
  grant: GrantView
  throughAncestor?: { name: string } | null
  inline?: boolean
}) {
  const t = useT()
  const stored = grant.statement
  const statement = stored
    ? t('policy.chain.statement', { scope: stored.scope, target: targetText(t, stored.target) })
    : t('policy.chain.issued')
  const redundant = inline && stored && targetText(t, stored.target) === targetText(t, grant.target)
  const steps = [
    t('policy.chain.policy', { name: grant.source.policy.name }),
    !redundant && statement,
    sourceText(t, grant.source),
    throughAncestor && t('policy.chain.throughAncestor', { name: throughAncestor.name }),
  ].filter((step): step is string => Boolean(step))
  if (inline) return <p className="text-sm text-gray-700">{steps.join(' · ')}</p>
  return (
    <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-gray-800">
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  )
}
