import { Link } from '@tanstack/react-router'
import { useFormat, useT } from '~/i18n'
import { Badge, EmptyState, Table, TBody, Td, THead, Th, Tr } from '~/ui'
import type { UserMembership } from '../membership.schema'
import { PostBadges } from './PostBadges'

/** A user's groups on their profile: posts, status and the period of each membership. */
export function UserMembershipList({
  memberships,
  caption,
}: {
  memberships: UserMembership[]
  caption: string
}) {
  const t = useT()
  const format = useFormat()
  if (memberships.length === 0) return <EmptyState title={t('profile.groups.none')} />
  const day = (date: Date) => format.formatDate(date)
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <Tr>
          <Th>{t('profile.groups.group')}</Th>
          <Th>{t('profile.groups.posts')}</Th>
          <Th>{t('profile.groups.period')}</Th>
        </Tr>
      </THead>
      <TBody>
        {memberships.map((m) => (
          <Tr key={m.membershipId}>
            <Td className="font-medium">
              <Link to="/groups/$groupId" params={{ groupId: String(m.group.id) }}>
                {m.group.name}
              </Link>
              {m.status !== 'ACTIVE' && (
                <Badge tone={m.status === 'NEWBIE' ? 'warning' : 'neutral'} className="ml-2">
                  {t(`membership.status.${m.status}`)}
                </Badge>
              )}
            </Td>
            <Td>
              <PostBadges posts={m.posts} />
            </Td>
            <Td className="whitespace-nowrap">
              {m.since ? day(m.since) : '—'} – {m.until ? day(m.until) : ''}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  )
}
