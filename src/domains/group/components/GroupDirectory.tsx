import { Link, useNavigate } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useT } from '~/i18n'
import { Badge, EmptyState, Table, TBody, Td, TextField, THead, Th, Tr } from '~/ui'
import type { GroupSummary } from '../group.schema'

const FILTER_DELAY_MS = 250

/** The directory table with a name filter that lives in the URL (`?q=`), so results can be shared. */
export function GroupDirectory({
  groups,
  filter,
  view,
}: {
  groups: readonly GroupSummary[]
  filter: string
  view: 'active' | 'all'
}) {
  const t = useT()
  const navigate = useNavigate()
  const [draft, setDraft] = useState(filter)

  useEffect(() => {
    if (draft.trim() === filter) return
    const timer = setTimeout(
      () =>
        navigate({
          to: '/groups',
          search: { view: view === 'all' ? 'all' : undefined, q: draft.trim() || undefined },
          replace: true,
        }),
      FILTER_DELAY_MS,
    )
    return () => clearTimeout(timer)
  }, [draft, filter, view, navigate])

  return (
    <div className="space-y-4">
      <TextField
        label={t('group.filter.label')}
        placeholder={t('group.filter.placeholder')}
        type="search"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        wrapperClassName="max-w-md"
      />
      {groups.length === 0 ? (
        <EmptyState title={t('group.directory.empty')} />
      ) : (
        <Table caption={t('group.directory.title')} captionHidden>
          <THead>
            <Tr>
              <Th>{t('group.columns.name')}</Th>
              <Th>{t('group.columns.purpose')}</Th>
              <Th className="hidden sm:table-cell">{t('group.columns.parent')}</Th>
            </Tr>
          </THead>
          <TBody>
            {groups.map((g) => (
              <Tr key={g.id}>
                <Td>
                  <Link to="/groups/$groupId" params={{ groupId: String(g.id) }} className="font-medium">
                    {g.name}
                  </Link>
                  {g.archived && (
                    <Badge tone="neutral" className="ml-2">
                      {t('group.page.archived')}
                    </Badge>
                  )}
                  {g.probablyInactive && !g.archived && (
                    <Badge tone="warning" className="ml-2">
                      <span title={t('group.page.probablyInactiveHint')}>
                        {t('group.page.probablyInactive')}
                      </span>
                    </Badge>
                  )}
                  {g.shortDescription && <p className="mt-0.5 text-sm text-gray-600">{g.shortDescription}</p>}
                </Td>
                <Td>{t(`group.purposes.${g.purpose}`)}</Td>
                <Td className="hidden sm:table-cell">{g.parent?.name ?? '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  )
}
