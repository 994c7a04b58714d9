import { type ComponentProps, type ReactNode, useId } from 'react'
import { cx } from './cx'

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type' | 'children'> & {
  label: ReactNode
  /** Classes of the row around the box and its label. */
  wrapperClassName?: string
}

/** A checkbox with its label beside it; the label is clickable and named for screen readers. */
export function Checkbox({ label, wrapperClassName, id, className, ...props }: CheckboxProps) {
  const generated = useId()
  const inputId = id ?? generated
  return (
    <div className={cx('flex items-center gap-3', wrapperClassName)}>
      <input
        id={inputId}
        type="checkbox"
        className={cx('size-5 rounded border-gray-500 accent-brand-700', className)}
        {...props}
      />
      <label htmlFor={inputId} className="text-sm text-gray-900">
        {label}
      </label>
    </div>
  )
}
