import type { ComponentProps, ReactNode } from 'react'
import { cx } from './cx'
import { controlClasses, Field, useFieldIds } from './Field'

export type TextFieldProps = Omit<ComponentProps<'input'>, 'children'> & {
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  labelHidden?: boolean
  /** Classes of the wrapper; `className` goes to the input itself. */
  wrapperClassName?: string
}

export function TextField({
  label,
  hint,
  error,
  labelHidden,
  wrapperClassName,
  className,
  id,
  required,
  'aria-describedby': ariaDescribedBy,
  ...props
}: TextFieldProps) {
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
      <input
        id={ids.controlId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={cx(controlClasses, className)}
        {...props}
      />
    </Field>
  )
}
