import type { ReactNode } from 'react'
import { useT } from '~/i18n/i18n'
import { Button } from './Button'
import { cx } from './cx'
import { Heading, type HeadingLevel } from './Heading'

const KNOWN_STATUSES = [400, 401, 403, 404, 429, 500, 503] as const
type KnownStatus = (typeof KNOWN_STATUSES)[number]

function knownStatus(status: number | undefined): KnownStatus {
  const known = KNOWN_STATUSES.find((candidate) => candidate === status)
  if (known) return known
  return status !== undefined && status >= 400 && status < 500 ? 400 : 500
}

export type ErrorStateProps = {
  /** HTTP-like status; picks the default title and message (unknown 4xx → 400, anything else → 500). */
  status?: number
  title?: ReactNode
  message?: ReactNode
  /** Shows a retry button when given. */
  onRetry?: () => void
  retryLabel?: string
  /** Extra actions, e.g. a login or back link. */
  actions?: ReactNode
  /** Use 1 when the error is the whole page (404 page). */
  headingLevel?: HeadingLevel
  className?: string
}

export function ErrorState({
  status,
  title,
  message,
  onRetry,
  retryLabel,
  actions,
  headingLevel = 2,
  className,
}: ErrorStateProps) {
  const t = useT()
  const code = knownStatus(status)
  return (
    <div
      role="alert"
      className={cx('mx-auto flex max-w-lg flex-col items-center py-12 text-center', className)}
    >
      <svg className="size-10 text-red-700" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <path
          d="M12 3 2.5 19.5h19L12 3Zm0 6v5m0 3h.01"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Heading level={headingLevel} className="mt-4 text-xl font-semibold text-gray-900">
        {title ?? t(`common.errors.${code}.title`)}
      </Heading>
      <p className="mt-2 text-gray-600">{message ?? t(`common.errors.${code}.message`)}</p>
      {(onRetry || actions) && (
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          {onRetry && <Button onClick={onRetry}>{retryLabel ?? t('common.retry')}</Button>}
          {actions}
        </div>
      )}
    </div>
  )
}
