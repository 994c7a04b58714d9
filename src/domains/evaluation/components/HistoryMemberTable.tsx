import { semesterName } from '~/domains/semester/components/semester-text'
import { useT } from '~/i18n'
import { Table, TBody, Td, THead, Th, Tr } from '~/ui'
import type { GroupHistory } from '../history.schema'
import { HistoryEntryBadge, historyPoints } from './HistoryEntryCard'

/** A group's members in one accepted semester: points, entry card and its justification. */
export function HistoryMemberTable({ history, semester }: { history: GroupHistory; semester: string }) {
  const t = useT()
  if (history.members.length === 0) return <p className="text-gray-800">{t('history.group.noMembers')}</p>
  return (
    <Table caption={t('history.group.caption', { semester: semesterName(t, semester) })}>
      <THead>
        <Tr>
          <Th>{t('history.group.member')}</Th>
          <Th className="text-right">{t('history.group.points')}</Th>
          <Th>{t('history.group.entryCard')}</Th>
          <Th>{t('history.group.justification')}</Th>
        </Tr>
      </THead>
      <TBody>
        {history.members.map((member) => (
          <Tr key={member.membershipId}>
            <Th scope="row">{member.displayName}</Th>
            <Td className="text-right whitespace-nowrap tabular-nums">{historyPoints(t, member.points)}</Td>
            <Td>
              <HistoryEntryBadge card={member.entryCard} />
            </Td>
            <Td className="min-w-48 break-words whitespace-pre-line">
              {member.entryCard?.justification || '—'}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  )
}
