import { useFormat, useT } from '~/i18n'
import { Badge, EmptyState, Table, TBody, Td, THead, Th, Tr } from '~/ui'
import type { ActiveMember } from '../membership.schema'
import { PostBadges } from './PostBadges'

export function ActiveMemberList({ members }: { members: ActiveMember[] }) {
  const t = useT()
  const format = useFormat()
  if (members.length === 0) return <EmptyState title={t('group.page.noMembers')} />
  return (
    <Table caption={t('group.page.activeMembers')} captionHidden>
      <THead>
        <Tr>
          <Th>{t('group.columns.name')}</Th>
          <Th>{t('group.page.posts')}</Th>
          <Th className="hidden sm:table-cell">{t('group.page.memberSince')}</Th>
        </Tr>
      </THead>
      <TBody>
        {members.map((m) => (
          <Tr key={m.membershipId}>
            <Td className="font-medium">
              {m.displayName}
              {m.status === 'NEWBIE' && (
                <Badge tone="warning" className="ml-2">
                  {t('membership.status.NEWBIE')}
                </Badge>
              )}
            </Td>
            <Td>
              <PostBadges posts={m.posts} />
            </Td>
            <Td className="hidden sm:table-cell">{m.since ? format.formatDate(m.since) : '—'}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  )
}
