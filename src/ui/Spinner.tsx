import { cx } from './cx'

const SIZES = { sm: 'size-4', md: 'size-5', lg: 'size-8' } as const

export type SpinnerProps = {
  size?: keyof typeof SIZES
  className?: string
  /** Announced text; leave out when the spinner sits next to visible text (it is then decorative). */
  label?: string
}

export function Spinner({ size = 'md', className, label }: SpinnerProps) {
  const svg = (
    <svg
      className={cx('shrink-0 animate-spin', SIZES[size], className)}
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="3" opacity="0.25" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  )
  if (!label) return svg
  return (
    <span className="inline-flex">
      {svg}
      <span className="sr-only">{label}</span>
    </span>
  )
}
