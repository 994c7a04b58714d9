import { cx } from '~/ui'

/**
 * The small button of a point cell that opens its comment thread, with the thread's size when it
 * has comments. Its name says whose cell it is (the visible count is part of it); a tinted bubble
 * with a number marks the cells someone commented on.
 */
export function CellCommentButton({
  label,
  count,
  onClick,
}: {
  label: string
  count: number
  onClick: () => void
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-haspopup="dialog"
      title={label}
      onClick={onClick}
      data-testid="cell-comments"
      className={cx(
        'inline-flex min-h-7 min-w-7 shrink-0 items-center justify-center gap-0.5 rounded-md px-1 text-xs tabular-nums',
        'focus-visible:outline-2 focus-visible:outline-brand-700',
        count > 0
          ? 'bg-brand-50 font-semibold text-brand-800 hover:bg-brand-100'
          : 'text-gray-600 hover:bg-gray-100 hover:text-gray-900',
      )}
    >
      <svg className="size-4" viewBox="0 0 16 16" fill="none" aria-hidden="true">
        <path
          d="M2.5 4a1.5 1.5 0 0 1 1.5-1.5h8A1.5 1.5 0 0 1 13.5 4v5.5A1.5 1.5 0 0 1 12 11H7l-3 2.5V11a1.5 1.5 0 0 1-1.5-1.5z"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 && <span>{count}</span>}
    </button>
  )
}
