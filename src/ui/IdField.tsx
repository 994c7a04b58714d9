import { TextField, type TextFieldProps } from './TextField'

export type IdFieldProps = Omit<TextFieldProps, 'type' | 'inputMode' | 'min' | 'onChange'> & {
  value: string
  onValueChange: (value: string) => void
}

/** A field for a numeric database id (a group, a user): whole numbers from 1. */
export function IdField({ onValueChange, ...props }: IdFieldProps) {
  return (
    <TextField
      type="number"
      inputMode="numeric"
      min={1}
      onChange={(e) => onValueChange(e.target.value)}
      {...props}
    />
  )
}
