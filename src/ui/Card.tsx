import { type ReactNode, useId } from 'react'
import { cx } from './cx'
import { Heading, type HeadingLevel } from './Heading'

export type CardProps = {
  /** With a title the card becomes a `<section>` named by it. */
  title?: ReactNode
  headingLevel?: HeadingLevel
  /** Shown at the right of the title, e.g. an "Edit" button. */
  actions?: ReactNode
  footer?: ReactNode
  children?: ReactNode
  /** Drop the body padding, e.g. for a flush table or list. */
  flush?: boolean
  className?: string
}

export function Card({ title, headingLevel = 2, actions, footer, children, flush, className }: CardProps) {
  const titleId = useId()
  const classes = cx('overflow-hidden rounded-lg border border-gray-200 bg-white shadow-sm', className)
  const body = (
    <>
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 px-4 py-3 sm:px-5">
          {title && (
            <Heading level={headingLevel} id={titleId} className="text-base font-semibold text-gray-900">
              {title}
            </Heading>
          )}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      <div className={cx(!flush && 'px-4 py-4 sm:px-5')}>{children}</div>
      {footer && <div className="border-t border-gray-200 bg-gray-50 px-4 py-3 sm:px-5">{footer}</div>}
    </>
  )
  return title ? (
    <section aria-labelledby={titleId} className={classes}>
      {body}
    </section>
  ) : (
    <div className={classes}>{body}</div>
  )
}
