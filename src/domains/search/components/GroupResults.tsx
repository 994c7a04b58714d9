import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { Badge } from '~/ui'
import type { GroupHit } from '../search.schema'

export function GroupResults({ groups }: { groups: GroupHit[] }) {
  const t = useT()
  return (
    <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white shadow-sm">
      {groups.map((group) => (
        <li key={group.id} className="flex flex-wrap items-center gap-2 px-4 py-3">
          <Link to="/groups/$groupId" params={{ groupId: String(group.id) }} className="font-medium">
            {group.name}
          </Link>
          <Badge tone={group.purpose === 'RESORT' ? 'brand' : 'neutral'}>
            {t(`group.purposes.${group.purpose}`)}
          </Badge>
          {group.archived && <Badge tone="warning">{t('group.page.archived')}</Badge>}
        </li>
      ))}
    </ul>
  )
}
