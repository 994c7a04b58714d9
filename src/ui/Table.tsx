import { type ComponentProps, type ReactNode, useId } from 'react'
import { cx } from './cx'

export type TableProps = Omit<ComponentProps<'table'>, 'children'> & {
  /** Names the table (and its scroll region) for screen readers; every data table needs one. */
  caption: ReactNode
  captionHidden?: boolean
  children: ReactNode
}

export function Table({ caption, captionHidden = false, className, children, ...props }: TableProps) {
  const captionId = useId()
  return (
    // Narrow screens scroll the table sideways instead of squeezing columns; the region is focusable
    // so keyboard users can scroll it too (WCAG 2.1.1, axe "scrollable-region-focusable").
    <section
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="w-full overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm"
    >
      <table className={cx('w-full border-collapse text-left text-sm', className)} {...props}>
        <caption
          id={captionId}
          className={cx(
            captionHidden ? 'sr-only' : 'px-4 pt-3 pb-2 text-left text-base font-semibold text-gray-900',
          )}
        >
          {caption}
        </caption>
        {children}
      </table>
    </section>
  )
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cx('border-b border-gray-200 bg-gray-50', className)} {...props} />
}

export function TBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cx('divide-y divide-gray-200 [&>tr:hover]:bg-gray-50', className)} {...props} />
}

export function Tr(props: ComponentProps<'tr'>) {
  return <tr {...props} />
}

/** Header cell; `scope` defaults to "col" — pass scope="row" for a row's leading cell. */
export function Th({ scope = 'col', className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cx(
        'px-4 py-3 font-semibold whitespace-nowrap text-gray-700',
        scope === 'row' && 'font-medium text-gray-900',
        className,
      )}
      {...props}
    />
  )
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cx('px-4 py-3 align-top text-gray-800', className)} {...props} />
}
