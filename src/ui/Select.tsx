import type { ComponentProps } from 'react'
import { cx } from './cx'
import { controlClasses, Field, type LabelledControlProps, useLabelledControl } from './Field'

export type SelectOption = { value: string; label: string; disabled?: boolean }

export type SelectProps = ComponentProps<'select'> &
  LabelledControlProps & {
    /** Rendered before `children`; either or both may be used. */
    options?: readonly SelectOption[]
    /** A first, empty-valued option such as "– válassz –". */
    placeholder?: string
  }

export function Select({ className, options, placeholder, children, ...props }: SelectProps) {
  const { field, control, rest } = useLabelledControl(props)
  return (
    <Field {...field}>
      <div className="relative">
        <select {...control} className={cx(controlClasses, 'appearance-none pr-9', className)} {...rest}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options?.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
        <svg
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-gray-600"
          viewBox="0 0 16 16"
          fill="none"
          aria-hidden="true"
        >
          <path d="m4 6 4 4 4-4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </div>
    </Field>
  )
}
