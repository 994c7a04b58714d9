import { type KeyboardEvent, type ReactNode, useCallback, useId, useMemo, useRef, useState } from 'react'
import { capPoints } from '~/domains/semester/caps'
import { useFormat, useT } from '~/i18n'
import {
  type CellSave,
  CellSaveAction,
  CellSaveAnnouncer,
  Checkbox,
  cx,
  EmptyState,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  useCellSaves,
} from '~/ui'
import { reviewSetPointCell, setPointCell } from '../evaluation.functions'
import type { EvaluationView, PointRow, PrincipleView } from '../evaluation.schema'
import { CellCommentButton } from './CellCommentButton'
import { CellCommentsSheet, type CommentedCell } from './CellCommentsSheet'
import { EntryCardCell } from './EntryCardCell'
import { changedCellValue, type EditMode, fieldCodes, refusalMessage } from './evaluation-access'
import { SaveMark } from './SaveMark'

const CATEGORIES = ['WORK', 'RESPONSIBILITY'] as const
const cellKey = (membershipId: number, principleId: number) => `${membershipId}:${principleId}`

/** Lower case without accents: "kovacs" finds "Kovács". */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/** The text of a cell as typed: a whole number ≥ 0 (empty is 0), or null. */
function parsePoints(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return 0
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null
}

/**
 * Members × principles, grouped by category, with the raw sum per category, the total after the
 * caps (capPoints, the function the server applies) and column averages. Each cell saves on its
 * own when left or on Enter: the value shows at once (optimistic); the server's answer confirms
 * it, refuses it (put back, reason below), or says another editor changed the cell meanwhile (the
 * current value shows, and the editor may apply theirs again). Arrow keys move between cells.
 * Every cell, editable or not, has a button to its comment thread (CellCommentsSheet) with the
 * number of comments. Keyed by the loaded view, so a reload starts from the server's state again.
 */
export function PointTable({
  view,
  pointMode,
  entryMode,
}: {
  view: EvaluationView
  pointMode: EditMode
  entryMode: EditMode
}) {
  const t = useT()
  const { formatNumber } = useFormat()
  const filterId = useId()
  const principles = useMemo(
    () => CATEGORIES.flatMap((c) => view.principles.filter((p) => p.category === c)),
    [view.principles],
  )
  const [values, setValues] = useState(
    () =>
      new Map(
        view.rows.flatMap((row) =>
          view.principles.map(
            (p) => [cellKey(row.membershipId, p.id), row.cells[String(p.id)] ?? 0] as const,
          ),
        ),
      ),
  )
  // What the server holds once our sends land: the `expected` of the next write of a cell.
  const basis = useRef(new Map(values))
  const [drafts, setDrafts] = useState(new Map<string, string>())
  const [filter, setFilter] = useState('')
  const [hideZero, setHideZero] = useState(false)
  // The row being edited stays visible even when "hide zero rows" would hide it.
  const [activeRow, setActiveRow] = useState<number | null>(null)
  const saves = useCellSaves<number>()
  const tableRef = useRef<HTMLDivElement>(null)
  const [commentCounts, setCommentCounts] = useState(
    () =>
      new Map(
        view.rows.flatMap((row) =>
          Object.entries(row.comments).map(([principleId, count]) => [
            cellKey(row.membershipId, Number(principleId)),
            count,
          ]),
        ),
      ),
  )
  const [commented, setCommented] = useState<CommentedCell | null>(null)
  const onCommentCount = useCallback(
    (cell: CommentedCell, count: number) =>
      setCommentCounts((current) =>
        new Map(current).set(cellKey(cell.membershipId, cell.principleId), count),
      ),
    [],
  )

  if (view.rows.length === 0) return <EmptyState title={t('evaluation.table.noMembers')} headingLevel={3} />

  const pointsOf = (row: PointRow, p: PrincipleView) => values.get(cellKey(row.membershipId, p.id)) ?? 0
  const setValue = (key: string, value: number) => setValues((current) => new Map(current).set(key, value))
  const setDraft = (key: string, text: string | null) =>
    setDrafts((current) => {
      const next = new Map(current)
      if (text === null) next.delete(key)
      else next.set(key, text)
      return next
    })
  const category = (p: PrincipleView) => t(`evaluation.categories.${p.category}`)
  const cellLabel = (row: PointRow, p: PrincipleView) =>
    t('evaluation.table.cell', { member: row.displayName, category: category(p), principle: p.name })
  const commentButton = (row: PointRow, p: PrincipleView) => {
    const count = commentCounts.get(cellKey(row.membershipId, p.id)) ?? 0
    const names = { member: row.displayName, principle: p.name, count }
    return (
      <CellCommentButton
        label={t(count > 0 ? 'evaluation.comments.buttonCount' : 'evaluation.comments.button', names)}
        count={count}
        onClick={() =>
          setCommented({
            groupId: view.groupId,
            evaluationId: view.id,
            principleId: p.id,
            membershipId: row.membershipId,
            label: cellLabel(row, p),
          })
        }
      />
    )
  }

  const totals = (row: PointRow) => {
    const sums = { work: 0, responsibility: 0 }
    for (const p of principles) {
      if (p.category === 'WORK') sums.work += pointsOf(row, p)
      else sums.responsibility += pointsOf(row, p)
    }
    return { sums, capped: capPoints(view.caps, sums) }
  }

  const needle = folded(filter.trim())
  const visible = view.rows.filter(
    (row) =>
      (!needle || folded(row.displayName).includes(needle)) &&
      (!hideZero || row.membershipId === activeRow || principles.some((p) => pointsOf(row, p) > 0)),
  )

  async function send(row: PointRow, p: PrincipleView, value: number) {
    const key = cellKey(row.membershipId, p.id)
    const label = cellLabel(row, p)
    const expected = basis.current.get(key) ?? 0
    basis.current.set(key, value)
    setValue(key, value)
    const newest = saves.begin(key, value)
    const write = pointMode === 'review' ? reviewSetPointCell : setPointCell
    try {
      const cell = await write({
        data: {
          groupId: view.groupId,
          evaluationId: view.id,
          principleId: p.id,
          membershipId: row.membershipId,
          value,
          expected,
        },
      })
      if (!newest()) return
      basis.current.set(key, cell.value)
      setValue(key, cell.value)
      saves.set(key, { kind: 'saved' })
      saves.announce(t('evaluation.table.announceSaved', { cell: label }))
    } catch (error) {
      if (!newest()) return
      const current = changedCellValue(error)
      if (current !== null) {
        basis.current.set(key, current)
        setValue(key, current)
        saves.set(key, { kind: 'changed', wanted: value, current })
        saves.announce(t('evaluation.table.announceChanged', { cell: label, current }))
        return
      }
      basis.current.set(key, expected)
      setValue(key, expected)
      const codes = fieldCodes(error, 'value')
      const refusal = codes.includes('tooLarge')
        ? t('evaluation.table.tooLarge', { max: p.maxPoints })
        : codes.length > 0
          ? t('evaluation.table.invalid')
          : refusalMessage(t, error)
      if (refusal) refuse(key, label, refusal)
      else {
        saves.set(key, { kind: 'failed', wanted: value })
        saves.announce(t('evaluation.table.announceFailed', { cell: label }))
      }
    }
  }

  function refuse(key: string, label: string, reason: string) {
    saves.set(key, { kind: 'refused', message: reason })
    saves.announce(t('evaluation.table.announceRefused', { cell: label, reason }))
  }

  /** Saves what was typed into a cell, after the browser's own check of 0..max. */
  function commit(row: PointRow, p: PrincipleView) {
    const key = cellKey(row.membershipId, p.id)
    const text = drafts.get(key)
    if (text === undefined) return
    setDraft(key, null)
    const value = parsePoints(text)
    if (value === null) return refuse(key, cellLabel(row, p), t('evaluation.table.invalid'))
    if (value > p.maxPoints)
      return refuse(key, cellLabel(row, p), t('evaluation.table.tooLarge', { max: p.maxPoints }))
    if (value === pointsOf(row, p) && saves.states.get(key)?.kind !== 'failed') return
    void send(row, p, value)
  }

  function focusCell(rowIndex: number, column: number) {
    const target = tableRef.current?.querySelector<HTMLInputElement>(`[data-cell="${rowIndex}:${column}"]`)
    if (!target) return false
    target.focus()
    target.select()
    return true
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, rowIndex: number, column: number) {
    const input = event.currentTarget
    const start = input.selectionStart ?? 0
    const end = input.selectionEnd ?? 0
    const all = start === 0 && end === input.value.length
    const moves: Record<string, [number, number, boolean]> = {
      ArrowUp: [rowIndex - 1, column, true],
      ArrowDown: [rowIndex + 1, column, true],
      // Left and right move the caret inside the text first, then on to the next cell.
      ArrowLeft: [rowIndex, column - 1, all || (start === 0 && end === 0)],
      ArrowRight: [rowIndex, column + 1, all || start === input.value.length],
    }
    const move = moves[event.key]
    if (move) {
      const [r, c, leave] = move
      if (leave && focusCell(r, c)) event.preventDefault()
      else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') event.preventDefault()
      return
    }
    if (event.key === 'Enter') {
      event.preventDefault()
      const row = visible[rowIndex]
      const p = principles[column]
      if (row && p) commit(row, p)
    }
    if (event.key === 'Escape') {
      const row = visible[rowIndex]
      const p = principles[column]
      if (row && p) setDraft(cellKey(row.membershipId, p.id), null)
    }
  }

  const average = (pick: (row: PointRow) => number) =>
    formatNumber(view.rows.reduce((sum, row) => sum + pick(row), 0) / view.rows.length, {
      maximumFractionDigits: 1,
    })
  const sumHeader = (c: (typeof CATEGORIES)[number]) =>
    t('evaluation.table.sum', { category: t(`evaluation.categories.${c}`) })

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-gray-700" data-testid="evaluation-caps">
        {t('evaluation.table.caps', view.caps)}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          id={filterId}
          label={t('evaluation.table.filter')}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          wrapperClassName="sm:w-72"
        />
        <Checkbox
          label={t('evaluation.table.hideZero')}
          checked={hideZero}
          onChange={(event) => setHideZero(event.target.checked)}
        />
      </div>
      <div ref={tableRef}>
        <Table caption={t('evaluation.table.title')} captionHidden>
          <THead>
            <Tr>
              <Th rowSpan={2} className="sticky left-0 z-10 bg-gray-50 align-bottom">
                {t('evaluation.table.member')}
              </Th>
              {CATEGORIES.map((c) => (
                <Th
                  key={c}
                  scope="colgroup"
                  colSpan={principles.filter((p) => p.category === c).length + 1}
                  className="border-l border-gray-200 px-2! text-center"
                >
                  {t(`evaluation.categories.${c}`)}
                </Th>
              ))}
              <Th rowSpan={2} className="border-l border-gray-200 px-2! text-center align-bottom">
                {t('evaluation.table.total')}
              </Th>
              <Th rowSpan={2} className="border-l border-gray-200 px-2! align-bottom">
                {t('evaluation.entry.column')}
              </Th>
            </Tr>
            <Tr>
              {CATEGORIES.map((c) => [
                ...principles
                  .filter((p) => p.category === c)
                  .map((p) => (
                    <Th
                      key={p.id}
                      className="min-w-24 border-l border-gray-200 px-2! text-center align-bottom whitespace-normal!"
                    >
                      <span className="block">{p.name}</span>
                      <span className="block text-xs font-normal text-gray-600">
                        {t('evaluation.principles.max', { max: p.maxPoints })}
                      </span>
                    </Th>
                  )),
                <Th
                  key={`sum-${c}`}
                  className="min-w-20 border-l border-gray-200 px-2! text-center align-bottom whitespace-normal!"
                >
                  {sumHeader(c)}
                </Th>,
              ])}
            </Tr>
          </THead>
          <TBody>
            {visible.length === 0 && (
              <Tr>
                <Td colSpan={principles.length + 5} className="text-gray-700">
                  {t('evaluation.table.noMatch')}
                </Td>
              </Tr>
            )}
            {visible.map((row, rowIndex) => {
              const { sums, capped } = totals(row)
              return (
                <Tr key={row.membershipId} data-testid="point-row">
                  <Th
                    scope="row"
                    className="sticky left-0 z-10 w-36 bg-white align-middle whitespace-normal! shadow-[1px_0_0_var(--color-gray-200)] sm:w-auto sm:whitespace-nowrap!"
                  >
                    {row.displayName}
                  </Th>
                  {CATEGORIES.map((c) => [
                    ...principles.map((p, column) =>
                      p.category !== c ? null : (
                        <PointCell
                          key={p.id}
                          label={cellLabel(row, p)}
                          max={p.maxPoints}
                          value={pointsOf(row, p)}
                          draft={drafts.get(cellKey(row.membershipId, p.id))}
                          state={saves.states.get(cellKey(row.membershipId, p.id))}
                          editable={pointMode !== null}
                          position={`${rowIndex}:${column}`}
                          onFocus={() => setActiveRow(row.membershipId)}
                          onDraft={(text) => setDraft(cellKey(row.membershipId, p.id), text)}
                          onCommit={() => commit(row, p)}
                          onKeyDown={(event) => onKeyDown(event, rowIndex, column)}
                          onApply={(value) => send(row, p, value)}
                          comments={commentButton(row, p)}
                        />
                      ),
                    ),
                    <SumCell
                      key={`sum-${c}`}
                      testId={`sum-${c}`}
                      raw={c === 'WORK' ? sums.work : sums.responsibility}
                      capped={c === 'WORK' ? capped.work : capped.responsibility}
                    />,
                  ])}
                  <Td
                    className="border-l border-gray-200 px-2! text-center font-semibold tabular-nums"
                    data-testid="row-total"
                  >
                    {capped.total}
                  </Td>
                  <EntryCardCell view={view} row={row} mode={entryMode} announce={saves.announce} />
                </Tr>
              )
            })}
          </TBody>
          <tfoot className="border-t-2 border-gray-300 bg-gray-50">
            <Tr>
              <Th scope="row" className="sticky left-0 z-10 bg-gray-50">
                {t('evaluation.table.average')}
              </Th>
              {CATEGORIES.map((c) => [
                ...principles
                  .filter((p) => p.category === c)
                  .map((p) => (
                    <Td key={p.id} className="border-l border-gray-200 px-2! text-center tabular-nums">
                      {average((row) => pointsOf(row, p))}
                    </Td>
                  )),
                <Td key={`sum-${c}`} className="border-l border-gray-200 px-2! text-center tabular-nums">
                  {average((row) => (c === 'WORK' ? totals(row).sums.work : totals(row).sums.responsibility))}
                </Td>,
              ])}
              <Td
                className="border-l border-gray-200 px-2! text-center font-semibold tabular-nums"
                data-testid="average-total"
              >
                {average((row) => totals(row).capped.total)}
              </Td>
              <Td className="border-l border-gray-200" />
            </Tr>
          </tfoot>
        </Table>
      </div>
      <CellSaveAnnouncer announcement={saves.announcement} />
      <CellCommentsSheet cell={commented} onClose={() => setCommented(null)} onCount={onCommentCount} />
    </div>
  )
}

/** A category's raw sum; when its cap cuts it, the capped value beside it. */
function SumCell({ raw, capped, testId }: { raw: number; capped: number; testId: string }) {
  const t = useT()
  return (
    <Td className="relative border-l border-gray-200 px-2! text-center tabular-nums" data-testid={testId}>
      {raw === capped ? (
        raw
      ) : (
        <span title={t('evaluation.table.sumCell', { raw, capped })}>
          <span className="text-gray-500 line-through">{raw}</span> {capped}
          <span className="sr-only">{t('evaluation.table.sumCell', { raw, capped })}</span>
        </span>
      )}
    </Td>
  )
}

function PointCell({
  label,
  max,
  value,
  draft,
  state,
  editable,
  position,
  onFocus,
  onDraft,
  onCommit,
  onKeyDown,
  onApply,
  comments,
}: {
  label: string
  max: number
  value: number
  draft: string | undefined
  state: CellSave<number> | undefined
  editable: boolean
  position: string
  onFocus: () => void
  onDraft: (text: string) => void
  onCommit: () => void
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void
  onApply: (value: number) => void
  /** The button to the cell's comment thread. */
  comments: ReactNode
}) {
  const t = useT()
  const statusId = useId()
  const messageId = useId()
  if (!editable)
    return (
      <Td className="relative border-l border-gray-200 px-2! py-1! text-center tabular-nums">
        <div className="flex items-center justify-center gap-1">
          <span>
            <span className="sr-only">{label}: </span>
            {value}
          </span>
          {comments}
        </div>
      </Td>
    )
  const message =
    state?.kind === 'refused'
      ? state.message
      : state?.kind === 'changed'
        ? t('evaluation.table.changed', { current: state.current })
        : null
  return (
    // Relative: the hidden texts stay inside the scrolling table (see PostGrid).
    <Td
      className={cx(
        'relative border-l border-gray-200 px-1! py-1! text-center align-middle!',
        (state?.kind === 'refused' || state?.kind === 'changed') && 'bg-red-50',
      )}
    >
      <div className="flex flex-col items-center gap-1">
        <div className="flex items-center gap-1">
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-label={label}
            aria-invalid={state?.kind === 'refused' || undefined}
            aria-describedby={message ? messageId : state ? statusId : undefined}
            aria-busy={state?.kind === 'saving' || undefined}
            data-cell={position}
            data-max={max}
            placeholder="0"
            className="w-14 rounded-md border border-gray-400 px-2 py-1.5 text-right tabular-nums placeholder:text-gray-400 focus:border-brand-700 focus:outline-2 focus:outline-brand-700"
            value={draft ?? (value === 0 ? '' : String(value))}
            onFocus={(event) => {
              onFocus()
              event.currentTarget.select()
            }}
            onChange={(event) => onDraft(event.target.value)}
            onBlur={onCommit}
            onKeyDown={onKeyDown}
          />
          <span id={statusId} className="inline-flex min-w-4 items-center">
            <SaveMark state={state} />
          </span>
          {comments}
        </div>
        {message && (
          <p id={messageId} className="w-36 text-left text-xs font-medium whitespace-normal text-red-800">
            {message}
          </p>
        )}
        {state?.kind === 'changed' && (
          <CellSaveAction
            label={t('evaluation.table.reapplyLabel', { cell: label, value: state.wanted })}
            onClick={() => onApply(state.wanted)}
          >
            {t('evaluation.table.reapply', { value: state.wanted })}
          </CellSaveAction>
        )}
        {state?.kind === 'failed' && (
          <CellSaveAction
            label={t('evaluation.table.retryLabel', { cell: label })}
            onClick={() => onApply(state.wanted)}
          >
            {t('evaluation.table.retry')}
          </CellSaveAction>
        )}
      </div>
    </Td>
  )
}
