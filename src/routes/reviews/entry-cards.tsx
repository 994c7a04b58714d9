import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { z } from 'zod'
import { EntryReviewCard } from '~/domains/evaluation/components/EntryReviewCard'
import { ReviewFilter } from '~/domains/evaluation/components/ReviewFilter'
import { reviewerContext, reviewScope } from '~/domains/evaluation/components/review-scope'
import { listColoredCards, listResortColoredCards } from '~/domains/evaluation/entry-review.functions'
import { EntryTypeSchema } from '~/domains/evaluation/evaluation.schema'
import { translate, useT } from '~/i18n'
import { cx, EmptyState, ErrorState, PageHeader } from '~/ui'

const Search = z.object({
  resort: z.coerce.number().int().positive().optional().catch(undefined),
  type: EntryTypeSchema.optional().catch(undefined),
})
type EntryType = z.infer<typeof EntryTypeSchema>
const TYPES: readonly EntryType[] = ['KDO', 'KB', 'AB']

export const Route = createFileRoute('/reviews/entry-cards')({
  validateSearch: Search,
  beforeLoad: ({ context, location }) => reviewerContext(context, location.href),
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const { scope, council, resorts } = await reviewScope({
      userId: context.userId,
      resortId: deps.resort,
      all: () => listColoredCards({ data: { type: deps.type } }),
      ofResort: (resortId) => listResortColoredCards({ data: { type: deps.type, resortId } }),
    })
    // A new stamp per load: the cards' forms start again from what the server stored.
    return { scope, council, resorts, loadedAt: Date.now() }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'review.cards.title')} – PéK` }],
  }),
  component: EntryCardsPage,
})

function EntryCardsPage() {
  const t = useT()
  const { scope, council, resorts, loadedAt } = Route.useLoaderData()
  const { userId } = Route.useRouteContext()
  const search = Route.useSearch()
  const back = <Link to="/reviews">← {t('review.cards.back')}</Link>
  if (scope.kind === 'denied')
    return (
      <>
        <PageHeader title={t('review.cards.title')} eyebrow={back} />
        <ErrorState status={403} message={t('review.cards.forbidden')} />
      </>
    )
  const { counts, cards } = scope.data
  const resortId = scope.kind === 'resort' ? scope.resortId : undefined
  const total = counts.KDO + counts.KB + counts.AB
  return (
    <>
      <PageHeader
        title={t('review.cards.title')}
        description={t('review.cards.description')}
        eyebrow={back}
      />
      <div className="flex flex-col gap-4">
        <ResortFilter
          key={resortId ?? 'all'}
          resortId={resortId}
          resorts={resorts}
          council={council}
          type={search.type}
        />
        <nav aria-label={t('review.cards.tabs')} className="flex flex-wrap gap-2">
          <TypeTab
            type={undefined}
            current={search.type}
            resort={resortId}
            label={t('review.cards.all', { count: total })}
          />
          {TYPES.map((type) => (
            <TypeTab
              key={type}
              type={type}
              current={search.type}
              resort={resortId}
              label={t('review.cards.tab', {
                type: t(`evaluation.entry.types.${type}`),
                count: counts[type],
              })}
            />
          ))}
        </nav>
        {cards.length === 0 ? (
          <EmptyState
            title={t('review.cards.empty.title')}
            description={t('review.cards.empty.description')}
          />
        ) : (
          <section aria-labelledby="entry-cards-title" className="flex flex-col gap-2">
            <h2 id="entry-cards-title" className="text-lg font-semibold text-gray-900">
              {t('review.cards.caption', { count: cards.length })}
            </h2>
            <ul className="flex flex-col gap-3">
              {cards.map((card) => (
                <EntryReviewCard
                  key={`${card.membershipId}-${loadedAt}`}
                  card={card}
                  userId={userId}
                  canFinalize={council}
                />
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  )
}

function TypeTab({
  type,
  current,
  resort,
  label,
}: {
  type: EntryType | undefined
  current: EntryType | undefined
  resort: number | undefined
  label: string
}) {
  const active = type === current
  return (
    <Link
      to="/reviews/entry-cards"
      search={{ resort, type }}
      aria-current={active ? 'page' : undefined}
      className={cx(
        'inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium no-underline',
        active ? 'border-brand-700 bg-brand-700 text-white' : 'border-gray-300 bg-white text-gray-900',
      )}
    >
      {label}
    </Link>
  )
}

function ResortFilter({
  resortId,
  resorts,
  council,
  type,
}: {
  resortId: number | undefined
  resorts: { id: number; name: string }[]
  council: boolean
  type: EntryType | undefined
}) {
  const navigate = useNavigate()
  const [resort, setResort] = useState(resortId)
  if (!(council ? resorts.length > 0 : resorts.length > 1)) return null
  return (
    <ReviewFilter
      resorts={resorts}
      council={council}
      resortId={resort}
      onResort={setResort}
      onApply={() => navigate({ to: '/reviews/entry-cards', search: { resort, type } })}
    />
  )
}
