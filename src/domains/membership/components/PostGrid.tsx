import { useId, useState } from 'react'
import { useT } from '~/i18n'
import {
  Badge,
  type CellSave,
  CellSaveAction,
  CellSaveAnnouncer,
  CellSaveMark,
  cx,
  EmptyState,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useCellSaves,
} from '~/ui'
import type { PostGrid as PostGridData } from '../member-post.schema'
import { setPost } from '../membership.functions'
import type { GroupPostType } from '../post-type.schema'
import { postRefusal, usePostName } from './PostText'

/** A box's last save (the shared cycle of per-cell grids); the wanted value is whether it is held. */
type CellState = CellSave<boolean>

const cellKey = (membershipId: number, postTypeId: number) => `${membershipId}:${postTypeId}`

/**
 * Members × post types: each checkbox gives or takes one post as soon as it changes. The box moves
 * at once (optimistic); the server's answer then either confirms it (its row of posts replaces ours)
 * or puts it back, with the refusal or a retry beside the box. Keyed by the loaded grid, so a
 * reload starts from the server's state again.
 */
export function PostGrid({ groupId, grid }: { groupId: number; grid: PostGridData }) {
  const t = useT()
  const name = usePostName()
  const [held, setHeld] = useState(
    () => new Map(grid.members.map((m) => [m.membershipId, new Set(m.postTypeIds)])),
  )
  const {
    states: cells,
    set: setCell,
    begin,
    announcement,
    announce: setAnnouncement,
  } = useCellSaves<boolean>()

  if (grid.members.length === 0) return <EmptyState title={t('postAdmin.grid.noMembers')} headingLevel={3} />

  const setHolds = (membershipId: number, update: (ids: Set<number>) => Set<number>) =>
    setHeld((current) => new Map(current).set(membershipId, update(new Set(current.get(membershipId)))))

  async function save(member: PostGridData['members'][number], type: GroupPostType, wanted: boolean) {
    const key = cellKey(member.membershipId, type.id)
    const label = t('postAdmin.grid.cell', { member: member.displayName, post: name(type) })
    const toggle = (on: boolean) => (ids: Set<number>) => {
      if (on) ids.add(type.id)
      else ids.delete(type.id)
      return ids
    }
    setHolds(member.membershipId, toggle(wanted))
    const newest = begin(key, wanted)
    try {
      const row = await setPost({
        data: { groupId, membershipId: member.membershipId, postTypeId: type.id, held: wanted },
      })
      if (!newest()) return
      // The server's row is the truth for the whole member (e.g. a post given elsewhere meanwhile).
      setHolds(member.membershipId, () => new Set(row.postTypeIds))
      setCell(key, { kind: 'saved' })
      setAnnouncement(t('postAdmin.grid.announceSaved', { cell: label }))
    } catch (error) {
      if (!newest()) return
      setHolds(member.membershipId, toggle(!wanted))
      const refusal = postRefusal(t, error)
      if (refusal) {
        setCell(key, { kind: 'refused', message: refusal })
        setAnnouncement(t('postAdmin.grid.announceRefused', { cell: label, reason: refusal }))
      } else {
        setCell(key, { kind: 'failed', wanted })
        setAnnouncement(t('postAdmin.grid.announceFailed', { cell: label }))
      }
    }
  }

  return (
    <>
      <Table caption={t('postAdmin.grid.title')} captionHidden>
        <THead>
          <Tr>
            <Th className="sticky left-0 z-10 bg-gray-50 align-bottom">{t('postAdmin.grid.member')}</Th>
            {grid.postTypes.map((type) => (
              // Long names wrap instead of widening the table.
              <Th key={type.id} className="min-w-24 px-2! text-center align-bottom whitespace-normal!">
                {name(type)}
              </Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {grid.members.map((member) => (
            <Tr key={member.membershipId}>
              {/* Sticky, so on a phone the name stays in view while the posts scroll by. */}
              <Th
                scope="row"
                // Narrow on a phone (names wrap, the badge goes below) to leave room for the posts.
                className="sticky left-0 z-10 w-36 bg-white align-middle whitespace-normal! shadow-[1px_0_0_var(--color-gray-200)] sm:w-auto sm:whitespace-nowrap!"
              >
                <span className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
                  {member.displayName}
                  {member.status === 'NEWBIE' && (
                    <Badge tone="warning">{t('membership.status.NEWBIE')}</Badge>
                  )}
                </span>
              </Th>
              {grid.postTypes.map((type) => {
                const key = cellKey(member.membershipId, type.id)
                return (
                  <PostCell
                    key={type.id}
                    label={t('postAdmin.grid.cell', { member: member.displayName, post: name(type) })}
                    checked={held.get(member.membershipId)?.has(type.id) ?? false}
                    state={cells.get(key)}
                    onChange={(wanted) => save(member, type, wanted)}
                  />
                )
              })}
            </Tr>
          ))}
        </TBody>
      </Table>
      <CellSaveAnnouncer announcement={announcement} />
    </>
  )
}

function PostCell({
  label,
  checked,
  state,
  onChange,
}: {
  label: string
  checked: boolean
  state: CellState | undefined
  onChange: (held: boolean) => void
}) {
  const t = useT()
  const statusId = useId()
  const refusalId = useId()
  const saving = state?.kind === 'saving'
  // The box is described by its state: the refusal beside it, or the small mark's text.
  const describedBy = state?.kind === 'refused' ? refusalId : state ? statusId : undefined
  return (
    // Relative: the hidden texts (absolutely placed) must stay inside the scrolling table, or a phone
    // page would scroll sideways to reach them. `!`: narrower than the kit's cells, which set the same.
    <Td
      className={cx(
        'relative px-1! py-1! text-center align-middle!',
        state?.kind === 'refused' && 'bg-red-50',
      )}
    >
      <div className="flex flex-col items-center gap-1">
        <div className="flex items-center gap-1">
          {/* Not the kit's Checkbox: here the label is hidden and the whole padded box is the target. */}
          <label className="inline-flex cursor-pointer rounded-md p-2 hover:bg-brand-50">
            <input
              type="checkbox"
              className="size-5 rounded border-gray-500 accent-brand-700"
              checked={checked}
              aria-describedby={describedBy}
              // Busy rather than disabled: a disabled box would drop the keyboard focus.
              aria-busy={saving || undefined}
              onChange={(event) => {
                if (!saving) onChange(event.target.checked)
              }}
            />
            <span className="sr-only">{label}</span>
          </label>
          <span id={statusId} className="inline-flex min-w-4 items-center">
            <CellSaveMark
              state={state}
              labels={{
                saving: t('postAdmin.grid.saving'),
                saved: t('postAdmin.grid.saved'),
                failed: t('postAdmin.grid.failed'),
              }}
            />
          </span>
        </div>
        {state?.kind === 'refused' && (
          <p id={refusalId} className="w-36 text-left text-xs font-medium whitespace-normal text-red-800">
            {state.message}
          </p>
        )}
        {state?.kind === 'failed' && (
          <CellSaveAction
            label={t('postAdmin.grid.retryLabel', { cell: label })}
            onClick={() => onChange(state.wanted)}
          >
            {t('postAdmin.grid.retry')}
          </CellSaveAction>
        )}
      </div>
    </Td>
  )
}
