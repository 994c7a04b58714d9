import type { ComponentProps } from 'react'
import { cx } from './cx'
import { controlClasses, Field, type LabelledControlProps, useLabelledControl } from './Field'

export type TextFieldProps = Omit<ComponentProps<'input'>, 'children'> & LabelledControlProps

export function TextField({ className, ...props }: TextFieldProps) {
  const { field, control, rest } = useLabelledControl(props)
  return (
    <Field {...field}>
      <input {...control} className={cx(controlClasses, className)} {...rest} />
    </Field>
  )
}
