import { Link } from '@tanstack/react-router'
import { type ReactNode, useRef } from 'react'
import { useFormat, useT } from '~/i18n'
import { Badge, EmptyState, LoadingState, Table, TBody, Td, THead, Th, Tr } from '~/ui'
import type { Roster, RosterMember, RosterTab } from '../membership.schema'
import { MemberRowActions } from './MemberRowActions'
import { PostBadges } from './PostBadges'

const TAB =
  'inline-flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap ' +
  'text-gray-700 no-underline hover:border-gray-300 hover:text-gray-900 ' +
  'aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800'

// On a phone each row becomes a stacked card: the cells are blocks, each with its own label.
const STACK_ROW = 'max-sm:block max-sm:px-4 max-sm:py-3'
const STACK_CELL = 'max-sm:block max-sm:px-0 max-sm:py-1'

export type MemberRosterProps = {
  groupId: number
  /** The tabs this viewer is offered (the applicants only to member admins). */
  tabs: readonly RosterTab[]
  /** The tab in the URL; while its list loads, `roster` is still the previous tab's. */
  requested: RosterTab
  roster: Roster & { tab: RosterTab }
  /** Member admins get each row's actions. */
  admin: boolean
}

/** The group's member tabs, each its own URL (`?tab=`), with the member admins' row actions. */
export function MemberRoster({ groupId, tabs, requested, roster, admin }: MemberRosterProps) {
  const t = useT()
  const panelRef = useRef<HTMLDivElement>(null)
  // After a change the row (and the button that had the focus) may have moved to another tab.
  const keepFocus = () =>
    setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) panelRef.current?.focus()
    })
  const loading = requested !== roster.tab
  return (
    <div>
      <nav
        aria-label={t('roster.label')}
        className="mb-4 flex gap-1 overflow-x-auto border-b border-gray-200"
      >
        {tabs.map((tab) => (
          <Link
            key={tab}
            to="/groups/$groupId"
            params={{ groupId: String(groupId) }}
            search={tab === 'active' ? {} : { tab }}
            resetScroll={false}
            className={TAB}
            activeOptions={{ exact: true, includeSearch: true }}
            aria-current={tab === requested ? 'page' : undefined}
          >
            {t(`roster.tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      <div ref={panelRef} tabIndex={-1} className="outline-none" aria-busy={loading || undefined}>
        {loading ? (
          <LoadingState label={t('roster.loading')} />
        ) : roster.hidden ? (
          <EmptyState title={t('roster.hidden')} headingLevel={3} />
        ) : roster.members.length === 0 ? (
          <EmptyState title={t(`roster.empty.${roster.tab}`)} headingLevel={3} />
        ) : (
          <MemberTable groupId={groupId} roster={roster} admin={admin} onSettled={keepFocus} />
        )}
      </div>
    </div>
  )
}

function MemberTable({
  groupId,
  roster,
  admin,
  onSettled,
}: {
  groupId: number
  roster: Roster & { tab: RosterTab }
  admin: boolean
  onSettled: () => void
}) {
  const t = useT()
  const format = useFormat()
  const day = (date: Date | null) => (date ? format.formatDate(date) : '—')
  const columns = {
    posts: t('roster.columns.posts'),
    memberSince: t('roster.columns.memberSince'),
    statusSince: t('roster.columns.statusSince'),
  }
  return (
    <Table caption={t(`roster.tabs.${roster.tab}`)} captionHidden className="max-sm:block">
      <THead className="max-sm:hidden">
        <Tr>
          <Th>{t('roster.columns.name')}</Th>
          <Th>{columns.posts}</Th>
          <Th>{columns.memberSince}</Th>
          <Th>{columns.statusSince}</Th>
          {admin && <Th>{t('roster.columns.actions')}</Th>}
        </Tr>
      </THead>
      <TBody className="max-sm:block">
        {roster.members.map((m) => (
          <Tr key={m.membershipId} className={STACK_ROW}>
            <Th scope="row" className={`${STACK_CELL} max-sm:whitespace-normal`}>
              <MemberName member={m} />
            </Th>
            <Cell label={columns.posts}>
              {m.posts.length ? <PostBadges posts={m.posts} /> : <span aria-hidden="true">—</span>}
            </Cell>
            <Cell label={columns.memberSince}>{day(m.since)}</Cell>
            <Cell label={columns.statusSince}>{day(m.statusSince)}</Cell>
            {admin && (
              <Td className={STACK_CELL}>
                <MemberRowActions groupId={groupId} member={m} onSettled={onSettled} />
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  )
}

/** A cell that names itself on a phone, where the column headers are not shown. */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Td className={`${STACK_CELL} max-sm:flex max-sm:flex-wrap max-sm:gap-x-2`}>
      <span className="font-medium text-gray-600 sm:hidden">{label}:</span>
      {children}
    </Td>
  )
}

function MemberName({ member }: { member: RosterMember }) {
  const t = useT()
  return (
    <>
      {member.screenName ? (
        <Link to="/u/$screenName" params={{ screenName: member.screenName }}>
          {member.displayName}
        </Link>
      ) : (
        member.displayName
      )}
      {member.status === 'NEWBIE' && (
        <Badge tone="warning" className="ml-2">
          {t('membership.status.NEWBIE')}
        </Badge>
      )}
    </>
  )
}
