import type { ComponentProps } from 'react'
import { cx } from './cx'

/** An icon-only ✕ button; `label` is required because the icon has no text. */
export function CloseButton({ label, className, ...props }: ComponentProps<'button'> & { label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={cx(
        'inline-flex size-9 shrink-0 items-center justify-center rounded-md text-gray-600',
        'hover:bg-gray-100 hover:text-gray-900',
        className,
      )}
      {...props}
    >
      <svg className="size-5" viewBox="0 0 20 20" fill="none" aria-hidden="true">
        <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      </svg>
    </button>
  )
}
