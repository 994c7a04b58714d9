import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'

const TAB =
  'inline-flex min-h-11 shrink-0 items-center border-b-2 whitespace-nowrap border-transparent px-3 text-sm font-medium text-gray-700 no-underline ' +
  'hover:border-gray-300 hover:text-gray-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800'

/** The admin screens: the tree, the access check, one user's rights and the audit log. */
export function PolicyAdminTabs({ current }: { current: 'tree' | 'check' | 'user' | 'audit' }) {
  const t = useT()
  const tabs = [
    { key: 'tree', label: t('policy.tabs.tree'), to: '/admin/policies' },
    { key: 'check', label: t('policy.tabs.check'), to: '/admin/policies/check' },
    { key: 'user', label: t('policy.tabs.user'), to: '/admin/policies/user' },
    { key: 'audit', label: t('policy.tabs.audit'), to: '/admin/policies/audit' },
  ] as const
  return (
    <nav
      aria-label={t('policy.tabs.label')}
      className="mb-4 flex gap-1 overflow-x-auto border-b border-gray-200"
    >
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          to={tab.to}
          className={TAB}
          // The tree's path is a prefix of the others': the router's own matching would mark it everywhere.
          activeOptions={{ exact: true, includeSearch: false }}
          aria-current={tab.key === current ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}
