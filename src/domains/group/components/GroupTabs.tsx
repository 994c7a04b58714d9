import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'

const TAB =
  'inline-flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm font-medium text-gray-700 no-underline ' +
  'hover:border-gray-300 hover:text-gray-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800'

/** Active / all / tree: three views of the directory, each its own URL so it can be shared. */
export function GroupTabs({ current }: { current: 'active' | 'all' | 'tree' }) {
  const t = useT()
  const tabs = [
    { key: 'active', label: t('group.tabs.active'), link: { to: '/groups', search: {} } },
    { key: 'all', label: t('group.tabs.all'), link: { to: '/groups', search: { view: 'all' } } },
    { key: 'tree', label: t('group.tabs.tree'), link: { to: '/groups/tree' } },
  ] as const
  return (
    <nav
      aria-label={t('group.tabs.label')}
      className="mb-4 flex gap-1 overflow-x-auto border-b border-gray-200"
    >
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          {...tab.link}
          className={TAB}
          // The page knows which view it shows; the router's own matching would mark several tabs.
          activeOptions={{ exact: true, includeSearch: true }}
          aria-current={tab.key === current ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}
