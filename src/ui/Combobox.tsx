import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useT } from '~/i18n/i18n'
import { cx } from './cx'
import { controlClasses, Field, type LabelledControlProps, useLabelledControl } from './Field'
import { Spinner } from './Spinner'

/** One thing to pick: what it is (an id), what it is called, and a line that tells namesakes apart. */
export type ComboboxOption = { id: number; label: string; description?: string }

export type ComboboxProps = LabelledControlProps & {
  /** The picked option; null while nothing (or only some typed text) is picked. */
  value: ComboboxOption | null
  onValueChange: (option: ComboboxOption | null) => void
  /** Finds the options for what was typed; called after a pause in typing, a stale answer is dropped. */
  search: (query: string) => Promise<ComboboxOption[]>
  placeholder?: string
  maxLength?: number
  /** Milliseconds of quiet before searching. */
  debounceMs?: number
  /** Why an option list failed, in words (defaults to the error's message). */
  describeError?: (error: unknown) => string
}

/**
 * A text box that searches as you type and offers what it found in a list (the WAI-ARIA combobox
 * pattern, list autocomplete with manual selection): arrows move through the list, Enter picks,
 * Escape closes it (or, closed, clears the box). The list sits in the flow under the box, so no
 * card or dialog that clips its overflow can cut it off, and on a phone it simply pushes the form down.
 * Typed text that was not picked from the list makes the box invalid for the form.
 */
export function Combobox({
  value,
  onValueChange,
  search,
  placeholder,
  maxLength,
  debounceMs = 250,
  describeError = (error) => (error instanceof Error ? error.message : String(error)),
  className,
  ...props
}: ComboboxProps & { className?: string }) {
  const t = useT()
  const { field, control, rest } = useLabelledControl(props)
  const listId = `${control.id}-list`
  const labelId = `${control.id}-label`
  const inputRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(value?.label ?? '')
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [options, setOptions] = useState<ComboboxOption[]>([])
  const [active, setActive] = useState(-1)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  // The latest props without restarting the search effect whenever a parent re-renders.
  const searchRef = useRef(search)
  searchRef.current = search
  const describeRef = useRef(describeError)
  describeRef.current = describeError

  // A value set from outside (a form reset, an initial pick) shows in the box; our own "nothing
  // picked" while typing must leave the typed text alone.
  // Compared by content, not identity: a parent may build the same option anew on every render.
  const typedRef = useRef(false)
  const pickedLabel = value ? value.label : null
  useEffect(() => {
    if (pickedLabel !== null) setText(pickedLabel)
    else if (!typedRef.current) setText('')
    typedRef.current = false
  }, [pickedLabel])

  useEffect(() => {
    if (!query) {
      setOptions([])
      setLoading(false)
      setFailure(null)
      return
    }
    let current = true
    setLoading(true)
    const timer = setTimeout(() => {
      searchRef.current(query).then(
        (found) => {
          if (!current) return
          setOptions(found)
          setActive(-1)
          setFailure(null)
          setLoading(false)
        },
        (error: unknown) => {
          if (!current) return
          setOptions([])
          setFailure(describeRef.current(error))
          setLoading(false)
        },
      )
    }, debounceMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, debounceMs])

  // The form may not be sent with a name that was typed but never picked.
  const unpicked = text.trim() !== '' && !value
  useEffect(() => {
    inputRef.current?.setCustomValidity(unpicked ? t('common.combobox.pick') : '')
  }, [unpicked, t])

  const expanded = open && query !== '' && options.length > 0
  const activeId = expanded && active >= 0 ? `${listId}-${active}` : undefined

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' })
  }, [activeId])

  const pick = (option: ComboboxOption) => {
    setText(option.label)
    setQuery('')
    setOpen(false)
    setActive(-1)
    onValueChange(option)
  }

  const type = (next: string) => {
    setText(next)
    setQuery(next.trim())
    setOpen(true)
    if (value) {
      typedRef.current = true
      onValueChange(null)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!open) setOpen(true)
        else if (options.length > 0) setActive(active >= last ? 0 : active + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        if (!open) setOpen(true)
        else if (options.length > 0) setActive(active <= 0 ? last : active - 1)
        break
      case 'Enter': {
        const option = expanded ? options[active] : undefined
        if (option) {
          event.preventDefault()
          pick(option)
        }
        break
      }
      case 'Escape':
        // Handled here: an open list closes first, and a dialog around the box stays open.
        if (expanded || text) event.preventDefault()
        if (expanded) setOpen(false)
        else if (text) type('')
        break
    }
  }

  // What the list area says besides the options, shown and announced (the live region reads counts).
  const searching = open && query !== ''
  const note =
    !searching || loading
      ? null
      : failure !== null
        ? t('common.combobox.failed', { message: failure })
        : options.length === 0
          ? t('common.noResults')
          : null
  const announcement = !searching
    ? ''
    : loading
      ? t('common.combobox.searching')
      : (note ?? t('common.combobox.results', { count: options.length }))

  return (
    <Field {...field} labelId={labelId}>
      <div className="relative">
        <input
          {...control}
          ref={inputRef}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-busy={loading || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          maxLength={maxLength}
          value={text}
          onChange={(e) => type(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          className={cx(controlClasses, 'pr-9', className)}
          {...rest}
        />
        {loading && <Spinner size="sm" className="absolute top-1/2 right-3 -translate-y-1/2 text-gray-600" />}
      </div>
      <div
        id={listId}
        role="listbox"
        aria-labelledby={labelId}
        hidden={!expanded}
        className="max-h-64 overflow-y-auto rounded-md border border-gray-300 bg-white py-1 shadow-md"
      >
        {options.map((option, index) => (
          <div
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            // Reachable through aria-activedescendant only: the focus stays in the box.
            tabIndex={-1}
            aria-selected={index === active}
            // Picked on press, with the default (moving the focus) prevented: the box keeps the
            // focus, so it does not blur and close the list before the pick lands.
            onMouseDown={(e) => {
              e.preventDefault()
              pick(option)
            }}
            onMouseMove={() => index !== active && setActive(index)}
            className="cursor-pointer px-3 py-2 aria-selected:bg-brand-50 aria-selected:text-brand-900"
          >
            <span className="block font-medium text-gray-900">{option.label}</span>
            {option.description && (
              <span className="block truncate text-sm text-gray-600">{option.description}</span>
            )}
          </div>
        ))}
      </div>
      {searching && (loading || note) && (
        <p aria-hidden="true" className="text-sm text-gray-600">
          {loading ? t('common.combobox.searching') : note}
        </p>
      )}
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </Field>
  )
}
