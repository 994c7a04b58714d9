import { useId, useState } from 'react'
import { useT } from '~/i18n'
import { CellSaveAction, cx, Select, Td, TextArea, useCellSaves } from '~/ui'
import { reviewSetEntryCard, setEntryCard } from '../evaluation.functions'
import type { EvaluationView, PointRow } from '../evaluation.schema'
import { type EditMode, refusalMessage } from './evaluation-access'
import { SaveMark } from './SaveMark'

type Card = PointRow['entryCard']
const TYPES = ['KDO', 'KB', 'AB'] as const

/**
 * A member's entry card in the point table's last column: the type saves as soon as it changes,
 * the justification (needed by KB and ÁB before the entry request is submitted) when it is left.
 * Same save cycle as the cells: optimistic, then saved, refused (put back) or failed (retry).
 */
export function EntryCardCell({
  view,
  row,
  mode,
  announce,
}: {
  view: EvaluationView
  row: PointRow
  mode: EditMode
  /** The table's live region. */
  announce: (text: string) => void
}) {
  const t = useT()
  const hintId = useId()
  const [card, setCard] = useState<Card>(row.entryCard)
  const [stored, setStored] = useState<Card>(row.entryCard)
  const saves = useCellSaves<Card>()
  const state = saves.states.get('card')
  const typeName = (type: Card['type']) => t(`evaluation.entry.types.${type}`)
  const label = t('evaluation.entry.type', { member: row.displayName })

  if (mode === null)
    return (
      <Td className="relative border-l border-gray-200 px-2! align-middle whitespace-normal!">
        <span className="font-medium">{typeName(card.type)}</span>
        {card.justification && <p className="max-w-64 text-xs text-gray-700">{card.justification}</p>}
      </Td>
    )

  async function save(wanted: Card) {
    setCard(wanted)
    const newest = saves.begin('card', wanted)
    const write = mode === 'review' ? reviewSetEntryCard : setEntryCard
    try {
      const saved = await write({
        data: { groupId: view.groupId, evaluationId: view.id, membershipId: row.membershipId, ...wanted },
      })
      if (!newest()) return
      const now = { type: saved.type, justification: saved.justification }
      setStored(now)
      setCard(now)
      saves.set('card', { kind: 'saved' })
      announce(t('evaluation.table.announceSaved', { cell: label }))
    } catch (error) {
      if (!newest()) return
      setCard(stored)
      const refusal = refusalMessage(t, error)
      if (refusal) {
        saves.set('card', { kind: 'refused', message: refusal })
        announce(t('evaluation.table.announceRefused', { cell: label, reason: refusal }))
      } else {
        saves.set('card', { kind: 'failed', wanted })
        announce(t('evaluation.table.announceFailed', { cell: label }))
      }
    }
  }

  const coloured = card.type !== 'KDO'
  const missing = coloured && card.justification.trim() === ''
  return (
    <Td
      className={cx(
        // Relative: the hidden labels stay inside the scrolling table (see PostGrid).
        'relative border-l border-gray-200 px-2! py-1! align-middle whitespace-normal!',
        state?.kind === 'refused' && 'bg-red-50',
      )}
    >
      <div className="flex w-48 flex-col gap-1">
        <div className="flex items-center gap-1">
          <Select
            label={label}
            labelHidden
            value={card.type}
            options={TYPES.map((type) => ({ value: type, label: typeName(type) }))}
            onChange={(event) => save({ ...card, type: event.target.value as Card['type'] })}
            wrapperClassName="grow"
          />
          <span className="inline-flex min-w-4 items-center">
            <SaveMark state={state} />
          </span>
        </div>
        {coloured && (
          <TextArea
            label={t('evaluation.entry.justification', { member: row.displayName })}
            labelHidden
            rows={2}
            placeholder={t('evaluation.entry.justificationPlaceholder')}
            value={card.justification}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? hintId : undefined}
            onChange={(event) => setCard({ ...card, justification: event.target.value })}
            onBlur={() => {
              if (card.justification !== stored.justification || card.type !== stored.type) void save(card)
            }}
          />
        )}
        {missing && (
          <p id={hintId} className="text-xs font-medium text-red-800">
            {t('evaluation.entry.required')}
          </p>
        )}
        {state?.kind === 'refused' && <p className="text-xs font-medium text-red-800">{state.message}</p>}
        {state?.kind === 'failed' && (
          <CellSaveAction
            label={t('evaluation.table.retryLabel', { cell: label })}
            onClick={() => save(state.wanted)}
            className="self-start"
          >
            {t('evaluation.table.retry')}
          </CellSaveAction>
        )}
      </div>
    </Td>
  )
}
