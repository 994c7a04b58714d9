import { useT } from '~/i18n'
import { Badge, Card } from '~/ui'
import type { PolicyDetail, PolicySummary } from '../policy-admin.schema'
import { DeletePolicyButton } from './DeletePolicyDialog'
import { HolderList } from './HolderList'
import { CreateChildForm, MovePolicyForm, RenamePolicyForm } from './PolicyForms'
import { StatementForm } from './StatementForm'
import { StatementList } from './StatementList'

/** Everything about one policy: its statements, its holders, and the changes to the policy itself. */
export function PolicyDetailPanel({ policy, policies }: { policy: PolicyDetail; policies: PolicySummary[] }) {
  const t = useT()
  return (
    // Keyed by id: the forms start over from the values of a newly selected policy.
    <div key={policy.id} className="flex min-w-0 flex-col gap-6">
      <Card
        title={policy.name}
        headingLevel={2}
        actions={
          <span className="flex flex-wrap gap-1.5">
            {policy.audience && <Badge tone="brand">{t(`policy.audience.${policy.audience}`)}</Badge>}
            {policy.canIssue && <Badge tone="neutral">{t('policy.canIssue')}</Badge>}
            {policy.builtIn && <Badge tone="neutral">{t('policy.builtIn')}</Badge>}
          </span>
        }
      >
        <div className="flex flex-col gap-4">
          {policy.description && <p className="text-gray-700">{policy.description}</p>}
          {policy.postTypes.length > 0 && (
            <p className="text-sm text-gray-600">
              {t('policy.detail.postTypes')}: {policy.postTypes.map((p) => p.name).join(', ')}
            </p>
          )}
        </div>
      </Card>
      <Card title={t('policy.statements.title')} headingLevel={2}>
        <div className="flex flex-col gap-4">
          <StatementList policyId={policy.id} statements={policy.statements} />
          <div className="border-t border-gray-200 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-gray-900">{t('policy.statements.addTitle')}</h3>
            <StatementForm policyId={policy.id} />
          </div>
        </div>
      </Card>
      <Card title={t('policy.holders.title')} headingLevel={2}>
        <HolderList policy={policy} />
      </Card>
      <Card title={t('policy.detail.createChild')} headingLevel={2}>
        <CreateChildForm parentId={policy.id} />
      </Card>
      {policy.parentId !== null && (
        <Card title={t('policy.move.title')} headingLevel={2}>
          <MovePolicyForm policy={policy} policies={policies} />
        </Card>
      )}
      <Card title={policy.builtIn ? t('policy.detail.describe') : t('policy.detail.rename')} headingLevel={2}>
        <div className="flex flex-col gap-6">
          <RenamePolicyForm policy={policy} />
          <div className="border-t border-gray-200 pt-4">
            <DeletePolicyButton policyId={policy.id} name={policy.name} />
          </div>
        </div>
      </Card>
    </div>
  )
}
