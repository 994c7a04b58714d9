import type { ReactNode } from 'react'
import { cx } from './cx'

export type PageHeaderProps = {
  title: ReactNode
  description?: ReactNode
  /** Buttons at the right (below the title on phones). */
  actions?: ReactNode
  /** Above the title, e.g. a back link or breadcrumbs. */
  eyebrow?: ReactNode
  /** Below, e.g. tabs. */
  children?: ReactNode
  className?: string
}

/** The page's single `<h1>`. */
export function PageHeader({ title, description, actions, eyebrow, children, className }: PageHeaderProps) {
  return (
    <header className={cx('mb-6', className)}>
      {eyebrow && <div className="mb-2 text-sm">{eyebrow}</div>}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-gray-900 sm:text-3xl">{title}</h1>
          {description && <p className="mt-2 max-w-prose text-gray-600">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </div>
      {children && <div className="mt-4">{children}</div>}
    </header>
  )
}
