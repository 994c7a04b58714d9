import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { buttonClasses, cx } from '~/ui'
import { GAP, pageNumbers } from '../page-numbers'

const PAGE_LINK = 'min-w-10 px-2'

/** Links to the other pages of a search; plain links, so they work without JavaScript too. */
export function SearchPagination({ q, page, pages }: { q: string; page: number; pages: number }) {
  const t = useT()
  if (pages <= 1) return null
  // Page 1 stays out of the URL, so /search?q=x and its first page are one address.
  const searchFor = (n: number) => ({ q, page: n === 1 ? undefined : n })
  return (
    <nav aria-label={t('search.pagination.label')} className="mt-8">
      <ul className="flex flex-wrap items-center justify-center gap-1">
        {page > 1 && (
          <li>
            <Link to="/search" search={searchFor(page - 1)} rel="prev" className={buttonClasses('secondary')}>
              {t('search.pagination.previous')}
            </Link>
          </li>
        )}
        {pageNumbers(page, pages).map((n, i) =>
          n === GAP ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-gray-600">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to="/search"
                search={searchFor(n)}
                aria-label={t('search.pagination.page', { page: n })}
                aria-current={n === page ? 'page' : undefined}
                className={cx(buttonClasses(n === page ? 'primary' : 'ghost', 'md', PAGE_LINK))}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pages && (
          <li>
            <Link to="/search" search={searchFor(page + 1)} rel="next" className={buttonClasses('secondary')}>
              {t('search.pagination.next')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
