import { type ReactNode, useRef, useState } from 'react'
import { Button } from './Button'
import { cx } from './cx'
import { Spinner } from './Spinner'

/**
 * A grid cell's last save: in flight, stored, refused by the server (put back, with its reason),
 * failed (retry with the wanted value), or lost to another editor who changed the cell meanwhile
 * (the current value is shown; the wanted one may be applied again).
 */
export type CellSave<V> =
  | { kind: 'saving'; wanted: V }
  | { kind: 'saved' }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; wanted: V }
  | { kind: 'changed'; wanted: V; current: V }

/**
 * The per-cell save cycle of a grid that saves each cell on its own (the posts grid, the point
 * table): the state of every cell's last save, one announcement for a polite live region, and
 * `begin`, which marks a send and tells whether its answer is still the newest for that cell — an
 * older answer arriving late must not overwrite a newer one.
 */
export function useCellSaves<V>() {
  const [states, setStates] = useState(new Map<string, CellSave<V>>())
  const [announcement, announce] = useState('')
  const latest = useRef(new Map<string, number>())

  const set = (key: string, state: CellSave<V> | null) =>
    setStates((current) => {
      const next = new Map(current)
      if (state) next.set(key, state)
      else next.delete(key)
      return next
    })

  /** Marks `key` as saving `wanted`; the returned check says whether this send is still the newest. */
  const begin = (key: string, wanted: V) => {
    const attempt = (latest.current.get(key) ?? 0) + 1
    latest.current.set(key, attempt)
    set(key, { kind: 'saving', wanted })
    return () => latest.current.get(key) === attempt
  }

  return { states, set, begin, announcement, announce }
}

/** One polite region for every cell: each save's outcome is read out once, without moving focus. */
export function CellSaveAnnouncer({ announcement }: { announcement: string }) {
  return (
    <p role="status" className="sr-only">
      {announcement}
    </p>
  )
}

/**
 * The small mark beside a cell (none for a refusal or a lost write: their message shows below);
 * its text describes the cell, so give it the id the control's `aria-describedby` names.
 */
export function CellSaveMark<V>({
  state,
  labels,
}: {
  state: CellSave<V> | undefined
  labels: { saving: string; saved: string; failed: string }
}) {
  switch (state?.kind) {
    case 'saving':
      return <Spinner size="sm" className="text-brand-700" label={labels.saving} />
    case 'saved':
      return (
        <span className="inline-flex items-center text-green-800" title={labels.saved}>
          <svg className="size-4" viewBox="0 0 16 16" fill="none" aria-hidden="true">
            <path
              d="m3.5 8.5 3 3 6-7"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="sr-only">{labels.saved}</span>
        </span>
      )
    case 'failed':
      return (
        <span className="inline-flex items-center text-red-800" title={labels.failed}>
          <svg className="size-4" viewBox="0 0 16 16" fill="none" aria-hidden="true">
            <path d="M8 4v5M8 11.5h.01" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <span className="sr-only">{labels.failed}</span>
        </span>
      )
    default:
      return null
  }
}

/** The small button under a cell that sends its wanted value again (retry, or apply mine anyway). */
export function CellSaveAction({
  label,
  children,
  onClick,
  className,
}: {
  /** What it does to which cell, for screen readers: the visible text is short. */
  label: string
  children: ReactNode
  onClick: () => void
  className?: string
}) {
  return (
    <Button
      size="sm"
      variant="secondary"
      className={cx('min-h-7 px-2 text-xs', className)}
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </Button>
  )
}
