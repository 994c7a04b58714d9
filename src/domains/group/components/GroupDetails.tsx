import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { Badge, Card } from '~/ui'
import type { GroupDetail } from '../group.schema'

/** The group's public data: what anyone, logged in or not, may see. */
export function GroupDetails({ group }: { group: GroupDetail }) {
  const t = useT()
  const rows: { label: string; value: React.ReactNode }[] = [
    { label: t('group.columns.purpose'), value: t(`group.purposes.${group.purpose}`) },
    {
      label: t('group.page.parent'),
      value: group.parent ? (
        <Link to="/groups/$groupId" params={{ groupId: String(group.parent.id) }}>
          {group.parent.name}
        </Link>
      ) : (
        '—'
      ),
    },
    { label: t('group.page.founded'), value: group.foundedYear ?? '—' },
    {
      label: t('group.page.webpage'),
      value: group.webpage ? (
        <a href={group.webpage} rel="noopener noreferrer nofollow" target="_blank">
          {group.webpage}
        </a>
      ) : (
        '—'
      ),
    },
    { label: t('group.page.mailingList'), value: group.mailingList ?? '—' },
    {
      label: t('group.page.applications'),
      value: group.acceptsApplications
        ? t('group.page.acceptsApplicationsYes')
        : t('group.page.acceptsApplicationsNo'),
    },
  ]
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card className="md:col-span-2">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="text-sm font-medium text-gray-600">{row.label}</dt>
              <dd className="break-words">{row.value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t('group.page.subgroups')} headingLevel={2}>
        {group.children.length === 0 ? (
          <p className="text-sm text-gray-600">—</p>
        ) : (
          <ul className="space-y-1">
            {group.children.map((child) => (
              <li key={child.id}>
                <Link to="/groups/$groupId" params={{ groupId: String(child.id) }}>
                  {child.name}
                </Link>
                {child.archived && (
                  <Badge tone="neutral" className="ml-2">
                    {t('group.page.archived')}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
