import { useT } from '~/i18n'
import { Badge } from '~/ui'
import type { ExplanationView } from '../policy-admin.schema'
import { targetText } from './policy-text'

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
        <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-gray-800">
          <li>{t('policy.chain.policy', { name: chain.grant.source.policy.name })}</li>
          <li>
            {chain.grant.statement
              ? t('policy.chain.statement', {
                  scope: chain.grant.statement.scope,
                  target: targetText(t, chain.grant.statement.target),
                })
              : t('policy.chain.issued')}
          </li>
          <li>
            <SourceText source={chain.grant.source} />
          </li>
          {chain.throughAncestor && (
            <li>{t('policy.chain.throughAncestor', { name: chain.throughAncestor.name })}</li>
          )}
        </ol>
      ) : (
        !explanation.allowed && <p className="text-sm text-gray-600">{t('policy.check.noGrant')}</p>
      )}
    </div>
  )
}

function SourceText({ source }: { source: NonNullable<ExplanationView['chain']>['grant']['source'] }) {
  const t = useT()
  switch (source.kind) {
    case 'audience':
      return (
        <>
          {t('policy.chain.sourceAudience', {
            audience: source.audience ? t(`policy.audience.${source.audience}`) : '',
          })}
        </>
      )
    case 'assignment':
      return <>{t('policy.chain.sourceAssignment')}</>
    case 'post':
      return (
        <>
          {t('policy.chain.sourcePost', {
            postType: source.postType?.name ?? '',
            group: source.group?.name ?? '',
          })}
        </>
      )
  }
}
