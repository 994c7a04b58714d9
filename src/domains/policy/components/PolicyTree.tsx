import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { Badge } from '~/ui'
import type { PolicySummary } from '../policy-admin.schema'
import { POLICY_SCREENS, type PolicyScreen } from './policy-screens'
import { type ChildrenByParent, childrenByParent, topOf } from './policy-tree'

/** What kind of policy it is: its audience, "can issue", built-in. */
export function PolicyBadges({ policy }: { policy: PolicySummary }) {
  const t = useT()
  return (
    <>
      {policy.audience && <Badge tone="brand">{t(`policy.audience.${policy.audience}`)}</Badge>}
      {policy.canIssue && <Badge tone="neutral">{t('policy.canIssue')}</Badge>}
      {policy.builtIn && <Badge tone="neutral">{t('policy.builtIn')}</Badge>}
    </>
  )
}

/**
 * The policy tree as nested lists; each node links to its detail on this screen (the selection
 * lives in the URL). A part of the tree (an issuer's subtrees) starts from its own top policies.
 */
export function PolicyTree({
  policies,
  selectedId,
  screen = 'admin',
}: {
  policies: PolicySummary[]
  selectedId: number | null
  screen?: PolicyScreen
}) {
  return (
    <Nodes
      nodes={topOf(policies)}
      top
      byParent={childrenByParent(policies)}
      selectedId={selectedId}
      screen={screen}
    />
  )
}

function Nodes({
  nodes,
  top = false,
  byParent,
  selectedId,
  screen,
}: {
  nodes: PolicySummary[] | undefined
  top?: boolean
  byParent: ChildrenByParent
  selectedId: number | null
  screen: PolicyScreen
}) {
  if (!nodes) return null
  return (
    <ul className={top ? 'flex flex-col gap-1' : 'mt-1 flex flex-col gap-1 border-l border-gray-200 pl-3'}>
      {nodes.map((policy) => (
        <li key={policy.id}>
          <Node policy={policy} selected={policy.id === selectedId} screen={screen} />
          <Nodes
            nodes={byParent.get(policy.id)}
            byParent={byParent}
            selectedId={selectedId}
            screen={screen}
          />
        </li>
      ))}
    </ul>
  )
}

function Node({
  policy,
  selected,
  screen,
}: {
  policy: PolicySummary
  selected: boolean
  screen: PolicyScreen
}) {
  const t = useT()
  return (
    <Link
      to={POLICY_SCREENS[screen]}
      search={{ policy: policy.id }}
      aria-current={selected ? 'page' : undefined}
      className="block rounded-md px-2 py-1.5 text-gray-900 no-underline hover:bg-gray-100 aria-[current=page]:bg-brand-50 aria-[current=page]:ring-1 aria-[current=page]:ring-brand-700"
    >
      <span className="font-medium">{policy.name}</span>
      <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-gray-600">
        <PolicyBadges policy={policy} />
        <span>{t('policy.tree.statements', { count: policy.statementCount })}</span>
        <span aria-hidden="true">·</span>
        <span>{t('policy.tree.holders', { count: policy.holderCount })}</span>
      </span>
    </Link>
  )
}
