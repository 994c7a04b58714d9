import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { Badge } from '~/ui'
import type { PolicySummary } from '../policy-admin.schema'
import { type ChildrenByParent, childrenByParent } from './policy-tree'

/** The policy tree as nested lists; each node links to its detail (the selection lives in the URL). */
export function PolicyTree({
  policies,
  selectedId,
}: {
  policies: PolicySummary[]
  selectedId: number | null
}) {
  return <Branch parentId={null} byParent={childrenByParent(policies)} selectedId={selectedId} />
}

function Branch({
  parentId,
  byParent,
  selectedId,
}: {
  parentId: number | null
  byParent: ChildrenByParent
  selectedId: number | null
}) {
  const nodes = byParent.get(parentId)
  if (!nodes) return null
  return (
    <ul
      className={
        parentId === null ? 'flex flex-col gap-1' : 'mt-1 flex flex-col gap-1 border-l border-gray-200 pl-3'
      }
    >
      {nodes.map((policy) => (
        <li key={policy.id}>
          <Node policy={policy} selected={policy.id === selectedId} />
          <Branch parentId={policy.id} byParent={byParent} selectedId={selectedId} />
        </li>
      ))}
    </ul>
  )
}

function Node({ policy, selected }: { policy: PolicySummary; selected: boolean }) {
  const t = useT()
  return (
    <Link
      to="/admin/policies"
      search={{ policy: policy.id }}
      aria-current={selected ? 'page' : undefined}
      className="block rounded-md px-2 py-1.5 text-gray-900 no-underline hover:bg-gray-100 aria-[current=page]:bg-brand-50 aria-[current=page]:ring-1 aria-[current=page]:ring-brand-700"
    >
      <span className="font-medium">{policy.name}</span>
      <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-gray-600">
        {policy.audience && <Badge tone="brand">{t(`policy.audience.${policy.audience}`)}</Badge>}
        {policy.canIssue && <Badge tone="neutral">{t('policy.canIssue')}</Badge>}
        {policy.builtIn && <Badge tone="neutral">{t('policy.builtIn')}</Badge>}
        <span>{t('policy.tree.statements', { count: policy.statementCount })}</span>
        <span aria-hidden="true">·</span>
        <span>{t('policy.tree.holders', { count: policy.holderCount })}</span>
      </span>
    </Link>
  )
}
