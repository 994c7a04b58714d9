import { useEffect, useState } from 'react'
import { useFormat, useT } from '~/i18n'
import { Dialog, EmptyState, ErrorState, LoadingState, Table, TBody, Td, THead, Th, Tr } from '~/ui'
import { getMembershipHistory } from '../membership.functions'
import type { MembershipHistoryEntry } from '../membership-lifecycle.schema'

type Loaded = { entries: MembershipHistoryEntry[] } | { failed: true } | null

/** Every status change of one membership, dated, with who made it; loaded when opened. */
export function MembershipHistoryDialog({
  open,
  onClose,
  groupId,
  membershipId,
  name,
}: {
  open: boolean
  onClose: () => void
  groupId: number
  membershipId: number
  name: string
}) {
  const t = useT()
  const format = useFormat()
  const [loaded, setLoaded] = useState<Loaded>(null)

  useEffect(() => {
    if (!open) return
    let current = true
    setLoaded(null)
    getMembershipHistory({ data: { groupId, membershipId } }).then(
      (entries) => current && setLoaded({ entries }),
      () => current && setLoaded({ failed: true }),
    )
    return () => {
      current = false
    }
  }, [open, groupId, membershipId])

  const title = t('roster.history.title', { name })
  return (
    <Dialog open={open} onClose={onClose} title={title} size="md">
      {loaded === null ? (
        <LoadingState />
      ) : 'failed' in loaded ? (
        <ErrorState message={t('roster.history.failed')} headingLevel={3} />
      ) : loaded.entries.length === 0 ? (
        <EmptyState title={t('roster.history.empty')} headingLevel={3} />
      ) : (
        <Table caption={t('roster.history.caption')}>
          <THead>
            <Tr>
              <Th>{t('roster.history.at')}</Th>
              <Th>{t('roster.history.status')}</Th>
              <Th>{t('roster.history.actor')}</Th>
            </Tr>
          </THead>
          <TBody>
            {loaded.entries.map((entry) => (
              <Tr key={`${entry.at.toISOString()}-${entry.status}`}>
                <Td className="whitespace-nowrap">
                  {format.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
                </Td>
                <Td>{t(`membership.status.${entry.status}`)}</Td>
                <Td>{entry.actor?.name ?? t('roster.history.system')}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Dialog>
  )
}
