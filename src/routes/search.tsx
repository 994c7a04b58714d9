import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { SearchForm } from '~/domains/search/components/SearchForm'
import { SearchResults } from '~/domains/search/components/SearchResults'
import { searchEverything, searchGroups } from '~/domains/search/search.functions'
import { SEARCH_PAGE_MAX } from '~/domains/search/search.schema'
import { translate, useT } from '~/i18n'
import { EmptyState, LoadingState, PageHeader } from '~/ui'

// Optional and forgiving, so a hand-edited URL falls back to the first page instead of an error; an
// over-long query still reaches the server, which answers it with a 400. The router reads search
// values as JSON where they parse, so a room number typed into the plain form arrives as a number.
const Search = z.object({
  q: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).optional().catch(undefined),
})

export const Route = createFileRoute('/search')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ q: search.q?.trim() ?? '', page: search.page ?? 1 }),
  loader: async ({ deps, context }) => {
    if (!deps.q) return { locale: context.locale, result: null }
    // People are searched only for someone logged in (user:view-basic); a visitor gets the groups.
    const search = context.user ? searchEverything : searchGroups
    return { locale: context.locale, result: await search({ data: deps }) }
  },
  head: ({ loaderData }) => ({
    meta: [
      {
        title: loaderData?.result
          ? translate(loaderData.locale, 'search.documentTitle', { q: loaderData.result.q })
          : `${translate(loaderData?.locale ?? 'hu', 'search.title')} – PéK`,
      },
    ],
  }),
  pendingComponent: SearchPending,
  component: SearchPage,
})

function SearchPending() {
  const t = useT()
  return <LoadingState label={t('search.searching')} />
}

function SearchPage() {
  const t = useT()
  const { result } = Route.useLoaderData()
  const { q = '', page } = Route.useSearch()
  const returnTo = `/search?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`
  return (
    <>
      <PageHeader title={result ? t('search.titleFor', { q: result.q }) : t('search.title')}>
        <SearchForm variant="page" />
      </PageHeader>
      {result ? (
        <SearchResults result={result} loginHref={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`} />
      ) : (
        <EmptyState title={t('search.prompt.title')} description={t('search.prompt.description')} />
      )}
    </>
  )
}
