import type { ReactNode } from 'react'
import { useT } from '~/i18n'
import { Card } from '~/ui'
import type { IssuablePolicy, PolicyDetail, PolicySummary } from '../policy-admin.schema'
import { DeletePolicyButton } from './DeletePolicyDialog'
import { HolderList } from './HolderList'
import { CreateChildForm, MovePolicyForm, RenamePolicyForm } from './PolicyForms'
import { PolicyBadges } from './PolicyTree'
import type { PolicyScreen } from './policy-screens'
import { StatementForm } from './StatementForm'
import { StatementList } from './StatementList'

/**
 * Everything about one policy: its statements, its holders, and the changes to the policy itself.
 * On the issuer's screen the tree is not theirs to reshape: no move.
 */
export function PolicyDetailPanel({
  policy,
  policies,
  screen = 'admin',
}: {
  policy: PolicyDetail
  policies: PolicySummary[]
  screen?: PolicyScreen
}) {
  const t = useT()
  return (
    // Keyed by id: the forms start over from the values of a newly selected policy.
    <div key={policy.id} className="flex min-w-0 flex-col gap-6">
      <PolicyHeader policy={policy}>
        {policy.postTypes.length > 0 && (
          <p className="text-sm text-gray-600">
            {t('policy.detail.postTypes')}: {policy.postTypes.map((p) => p.name).join(', ')}
          </p>
        )}
      </PolicyHeader>
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
        <HolderList policy={policy} screen={screen} />
      </Card>
      <CreateChildCard parentId={policy.id} screen={screen} />
      {screen === 'admin' && policy.parentId !== null && (
        <Card title={t('policy.move.title')} headingLevel={2}>
          <MovePolicyForm policy={policy} policies={policies} />
        </Card>
      )}
      <Card title={policy.builtIn ? t('policy.detail.describe') : t('policy.detail.rename')} headingLevel={2}>
        <div className="flex flex-col gap-6">
          <RenamePolicyForm policy={policy} />
          <div className="border-t border-gray-200 pt-4">
            <DeletePolicyButton policyId={policy.id} name={policy.name} screen={screen} />
          </div>
        </div>
      </Card>
    </div>
  )
}

/**
 * A "can issue" policy its holder holds (ADR 0012): what it grants, read-only — its children may
 * hold only that — and a new child under it. Its holder never renames, edits or re-assigns it.
 */
export function HeldPolicyPanel({ policy }: { policy: IssuablePolicy }) {
  const t = useT()
  return (
    <div key={policy.id} className="flex min-w-0 flex-col gap-6">
      <PolicyHeader policy={policy}>
        <p className="text-sm text-gray-600">{t('policy.issuer.heldNote')}</p>
      </PolicyHeader>
      <Card title={t('policy.issuer.heldStatements')} headingLevel={2}>
        <StatementList policyId={policy.id} statements={policy.statements ?? []} readOnly />
      </Card>
      <CreateChildCard parentId={policy.id} screen="issuer" />
    </div>
  )
}

function PolicyHeader({ policy, children }: { policy: PolicySummary; children?: ReactNode }) {
  return (
    <Card
      title={policy.name}
      headingLevel={2}
      actions={
        <span className="flex flex-wrap gap-1.5">
          <PolicyBadges policy={policy} />
        </span>
      }
    >
      <div className="flex flex-col gap-4">
        {policy.description && <p className="text-gray-700">{policy.description}</p>}
        {children}
      </div>
    </Card>
  )
}

function CreateChildCard({ parentId, screen }: { parentId: number; screen: PolicyScreen }) {
  const t = useT()
  return (
    <Card title={t('policy.detail.createChild')} headingLevel={2}>
      <CreateChildForm parentId={parentId} screen={screen} />
    </Card>
  )
}
