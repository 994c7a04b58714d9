import { type ReactNode, useId } from 'react'
import { cx } from './cx'

/** Shared look of text-like controls; the border keeps 3:1 against white (non-text contrast). */
export const controlClasses =
  'block w-full rounded-md border border-gray-500 bg-white px-3 py-2 text-base text-gray-900 shadow-sm ' +
  'placeholder:text-gray-500 disabled:cursor-not-allowed disabled:bg-gray-100 disabled:text-gray-600 ' +
  'aria-invalid:border-red-700 sm:text-sm'

/** Ids that tie a control to its label, hint and error (for aria-describedby). */
export function useFieldIds(
  id: string | undefined,
  hasHint: boolean,
  hasError: boolean,
  describedBy?: string,
) {
  const generated = useId()
  const controlId = id ?? generated
  const hintId = `${controlId}-hint`
  const errorId = `${controlId}-error`
  const ids = [describedBy, hasHint && hintId, hasError && errorId].filter(Boolean).join(' ')
  return { controlId, hintId, errorId, describedBy: ids || undefined }
}

export type FieldProps = {
  controlId: string
  hintId: string
  errorId: string
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  required?: boolean
  /** Hides the label visually; screen readers still read it. */
  labelHidden?: boolean
  /** An id for the label itself, for a second element it names (a combobox's listbox). */
  labelId?: string
  className?: string
  children: ReactNode
}

/** Label + control + hint + error layout; use with `useFieldIds` to build a custom control. */
export function Field({
  controlId,
  hintId,
  errorId,
  label,
  hint,
  error,
  required,
  labelHidden,
  labelId,
  className,
  children,
}: FieldProps) {
  return (
    <div className={cx('flex flex-col gap-1.5', className)}>
      <label
        id={labelId}
        htmlFor={controlId}
        className={cx('text-sm font-medium text-gray-900', labelHidden && 'sr-only')}
      >
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={hintId} className="text-sm text-gray-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="flex items-start gap-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

/** The props every labelled control (TextField, TextArea, Select) takes besides its element's own. */
export type LabelledControlProps = {
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  labelHidden?: boolean
  /** Classes of the wrapper; `className` goes to the control itself. */
  wrapperClassName?: string
  id?: string
  required?: boolean
  'aria-describedby'?: string
}

/**
 * Splits a labelled control's props into what `Field` needs, what the control element needs to be
 * tied to its label, hint and error, and the rest (passed through to the element).
 */
export function useLabelledControl<P extends LabelledControlProps>(props: P) {
  const {
    label,
    hint,
    error,
    labelHidden,
    wrapperClassName,
    id,
    required,
    'aria-describedby': describedBy,
    ...rest
  } = props
  const ids = useFieldIds(id, Boolean(hint), Boolean(error), describedBy)
  return {
    field: { ...ids, label, hint, error, required, labelHidden, className: wrapperClassName },
    control: {
      id: ids.controlId,
      required,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': ids.describedBy,
    },
    rest,
  }
}
