import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'
import { controlClasses, Field, useFieldIds } from './Field'

export type TextAreaProps = Omit<ComponentProps<'textarea'>, 'children'> & {
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  labelHidden?: boolean
  wrapperClassName?: string
}

export function TextArea({
  label,
  hint,
  error,
  labelHidden,
  wrapperClassName,
  className,
  id,
  required,
  rows = 4,
  'aria-describedby': ariaDescribedBy,
  ...props
}: TextAreaProps) {
  const ids = useFieldIds(id, Boolean(hint), Boolean(error), ariaDescribedBy)
  return (
    <Field
      {...ids}
      label={label}
      hint={hint}
      error={error}
      required={required}
      labelHidden={labelHidden}
      className={wrapperClassName}
    >
      <textarea
        id={ids.controlId}
        rows={rows}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={cx(controlClasses, 'resize-y', className)}
        {...props}
      />
    </Field>
  )
}
