import { useNavigate, useRouterState } from '@tanstack/react-router'
import { type FormEvent, useId } from 'react'
import { useT } from '~/i18n'
import { Button, controlClasses, cx } from '~/ui'
import { SEARCH_QUERY_MAX } from '../search.schema'

/** What the search page currently shows, so a box on it starts from that query. */
function useCurrentQuery(): string {
  return useRouterState({
    // String(): a digits-only query read back from a plain form's URL arrives as a number.
    select: (s) =>
      s.location.pathname === '/search' ? String((s.location.search as { q?: unknown }).q ?? '') : '',
  })
}

/**
 * The search box. A plain GET form to /search, so it works before (or without) JavaScript; once
 * hydrated it navigates inside the app instead of reloading the page.
 */
export function SearchForm({ variant }: { variant: 'header' | 'page' }) {
  const t = useT()
  const id = useId()
  const navigate = useNavigate()
  const current = useCurrentQuery()
  const searching = useRouterState({
    select: (s) => s.isLoading && s.location.pathname === '/search',
  })
  const compact = variant === 'header'

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim()
    navigate({ to: '/search', search: q ? { q } : {} })
  }

  return (
    // Only the header's box is the site's search landmark; the page's own box refines the same search.
    <form
      role={compact ? 'search' : undefined}
      method="get"
      action="/search"
      onSubmit={submit}
      className="flex items-end gap-2"
    >
      <div className={cx('flex flex-col gap-1.5', compact ? 'w-full lg:w-40 xl:w-56' : 'w-full max-w-xl')}>
        <label htmlFor={id} className={cx('text-sm font-medium text-gray-900', compact && 'sr-only')}>
          {t('search.box.label')}
        </label>
        <input
          // Remounts with the page's query, so going back and forth keeps the box in step.
          key={current}
          id={id}
          name="q"
          type="search"
          defaultValue={current}
          maxLength={SEARCH_QUERY_MAX}
          required
          placeholder={t('search.box.placeholder')}
          autoComplete="off"
          enterKeyHint="search"
          className={cx(controlClasses, compact && 'py-1.5')}
        />
      </div>
      <Button type="submit" variant={compact ? 'secondary' : 'primary'} loading={searching}>
        {compact ? (
          <>
            <svg className="size-4" viewBox="0 0 20 20" fill="none" aria-hidden="true">
              <circle cx="8.5" cy="8.5" r="5.5" stroke="currentColor" strokeWidth="1.75" />
              <path d="m13 13 4 4" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
            </svg>
            <span className="sr-only">{t('search.box.submit')}</span>
          </>
        ) : (
          t('search.box.submit')
        )}
      </Button>
    </form>
  )
}
