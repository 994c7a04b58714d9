import { type FormEvent, type ReactNode, useId } from 'react'
import { useT } from '~/i18n'
import { Button, Select } from '~/ui'
import type { Resort } from './review-scope'

/**
 * The reviewers' filter: the fields given, and the resort when the viewer may choose one (the
 * council among every resort with "all" first, a resort leader among the resorts they lead).
 * Applied with its button, not on change (WCAG 3.2.2: choosing an option does not move the page).
 */
export function ReviewFilter({
  resorts,
  council,
  resortId,
  onResort,
  onApply,
  children,
}: {
  resorts: Resort[]
  council: boolean
  resortId: number | undefined
  onResort: (resortId: number | undefined) => void
  onApply: () => void
  children?: ReactNode
}) {
  const t = useT()
  const titleId = useId()
  const pickResort = council ? resorts.length > 0 : resorts.length > 1
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply()
  }
  return (
    <form
      aria-labelledby={titleId}
      onSubmit={submit}
      className="flex flex-col gap-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:flex-row sm:flex-wrap sm:items-end"
    >
      <h2 id={titleId} className="sr-only">
        {t('review.filter.title')}
      </h2>
      {pickResort && (
        <Select
          label={t('review.resortPicker')}
          value={resortId === undefined ? '' : String(resortId)}
          onChange={(e) => onResort(e.target.value === '' ? undefined : Number(e.target.value))}
          placeholder={council ? t('review.filter.any') : undefined}
          options={resorts.map((r) => ({ value: String(r.id), label: r.name }))}
          wrapperClassName="sm:w-56"
        />
      )}
      {children}
      <Button type="submit">{t('review.filter.apply')}</Button>
    </form>
  )
}
