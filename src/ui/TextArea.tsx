import type { ComponentProps } from 'react'
import { cx } from './cx'
import { controlClasses, Field, type LabelledControlProps, useLabelledControl } from './Field'

export type TextAreaProps = Omit<ComponentProps<'textarea'>, 'children'> & LabelledControlProps

export function TextArea({ className, rows = 4, ...props }: TextAreaProps) {
  const { field, control, rest } = useLabelledControl(props)
  return (
    <Field {...field}>
      <textarea {...control} rows={rows} className={cx(controlClasses, 'resize-y', className)} {...rest} />
    </Field>
  )
}
