import type { ReactNode } from 'react'
import { cx } from './cx'
import { Heading, type HeadingLevel } from './Heading'

export type EmptyStateProps = {
  title: ReactNode
  description?: ReactNode
  /** E.g. a "create" button or a link that clears the filter. */
  action?: ReactNode
  /** Decorative; hidden from screen readers. */
  icon?: ReactNode
  headingLevel?: HeadingLevel
  className?: string
}

export function EmptyState({
  title,
  description,
  action,
  icon,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cx(
        'flex flex-col items-center rounded-lg border border-dashed border-gray-300 px-6 py-12 text-center',
        className,
      )}
    >
      {icon && (
        <div className="mb-3 text-gray-500" aria-hidden="true">
          {icon}
        </div>
      )}
      <Heading level={headingLevel} className="text-base font-semibold text-gray-900">
        {title}
      </Heading>
      {description && <p className="mt-1 max-w-md text-sm text-gray-600">{description}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  )
}
