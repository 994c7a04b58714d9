import { type ReactNode, useId } from 'react'
import { useT } from '~/i18n'
import { ButtonLink, EmptyState } from '~/ui'
import type { SearchResult } from '../search.schema'
import { GroupResults } from './GroupResults'
import { PeopleResults } from './PeopleResults'
import { SearchPagination } from './SearchPagination'

function ResultSection({ title, count, children }: { title: string; count?: string; children: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex items-baseline gap-3">
        <h2 id={id} className="text-lg font-semibold text-gray-900">
          {title}
        </h2>
        {count && <span className="text-sm text-gray-600">{count}</span>}
      </div>
      {children}
    </section>
  )
}

/** A section's text when this page has no hits: none at all, or none left for this page. */
const NoHits = ({ children }: { children: ReactNode }) => <p className="text-gray-600">{children}</p>

/** People and groups for one query and page; people are replaced by a login prompt for visitors. */
export function SearchResults({ result, loginHref }: { result: SearchResult; loginHref: string }) {
  const t = useT()
  const { people, groups } = result
  const pagesOf = (total: number) => Math.ceil(total / result.pageSize)
  const pages = Math.max(pagesOf(people?.total ?? 0), pagesOf(groups.total))

  if (people && people.total === 0 && groups.total === 0) {
    return (
      <EmptyState
        title={t('search.empty.title')}
        description={t('search.empty.description', { q: result.q })}
      />
    )
  }
  return (
    <div className="space-y-8">
      <ResultSection
        title={t('search.people.title')}
        count={people ? t('search.people.count', { count: people.total }) : undefined}
      >
        {!people ? (
          <div className="flex flex-wrap items-center gap-3 rounded-lg border border-gray-200 bg-white p-4">
            <p>{t('search.people.loginPrompt')}</p>
            <ButtonLink href={loginHref} size="sm">
              {t('nav.login')}
            </ButtonLink>
          </div>
        ) : people.hits.length > 0 ? (
          <PeopleResults people={people.hits} />
        ) : (
          <NoHits>{people.total > 0 ? t('search.people.noMoreOnPage') : t('search.people.none')}</NoHits>
        )}
      </ResultSection>
      <ResultSection
        title={t('search.groups.title')}
        count={t('search.groups.count', { count: groups.total })}
      >
        {groups.hits.length > 0 ? (
          <GroupResults groups={groups.hits} />
        ) : (
          <NoHits>{groups.total > 0 ? t('search.groups.noMoreOnPage') : t('search.groups.none')}</NoHits>
        )}
      </ResultSection>
      <SearchPagination q={result.q} page={result.page} pages={pages} />
    </div>
  )
}
