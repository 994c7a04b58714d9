import { createFileRoute, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { z } from 'zod'
import { ReviewFilter } from '~/domains/evaluation/components/ReviewFilter'
import { ReviewList } from '~/domains/evaluation/components/ReviewList'
import { reviewerContext, reviewScope } from '~/domains/evaluation/components/review-scope'
import { listEvaluations, listResortEvaluations } from '~/domains/evaluation/evaluation.functions'
import { RequestStatusSchema, ReviewItems } from '~/domains/evaluation/evaluation.schema'
import { translate, useT } from '~/i18n'
import { readJson } from '~/shared/json-wire'
import { buttonClasses, ErrorState, PageHeader, Select } from '~/ui'

const Search = z.object({
  resort: z.coerce.number().int().positive().optional().catch(undefined),
  points: RequestStatusSchema.optional().catch(undefined),
  entries: RequestStatusSchema.optional().catch(undefined),
})
type Search = z.infer<typeof Search>
type Status = z.infer<typeof RequestStatusSchema>
const STATUSES: readonly Status[] = ['NOT_SUBMITTED', 'PENDING', 'ACCEPTED', 'REJECTED']

export const Route = createFileRoute('/reviews/')({
  validateSearch: Search,
  beforeLoad: ({ context, location }) => reviewerContext(context, location.href),
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const filter = { pointStatus: deps.points, entryStatus: deps.entries }
    const { scope, council, resorts } = await reviewScope({
      userId: context.userId,
      resortId: deps.resort,
      all: () => readJson(listEvaluations({ data: filter }), ReviewItems),
      ofResort: (resortId) => readJson(listResortEvaluations({ data: { ...filter, resortId } }), ReviewItems),
    })
    return { scope, council, resorts }
  },
  head: ({ match }) => ({
    meta: [{ title: `${translate(match.context.locale, 'review.title')} – PéK` }],
  }),
  component: ReviewsPage,
})

function ReviewsPage() {
  const t = useT()
  const { scope, council, resorts } = Route.useLoaderData()
  const search = Route.useSearch()
  if (scope.kind === 'denied')
    return (
      <>
        <PageHeader title={t('review.title')} />
        <ErrorState status={403} message={t('review.forbidden')} />
      </>
    )
  const resort = scope.kind === 'resort' ? resorts.find((r) => r.id === scope.resortId) : undefined
  return (
    <>
      <PageHeader
        title={t('review.title')}
        description={
          resort
            ? `${t('review.resortScope', { resort: resort.name })}. ${t('review.description')}`
            : t('review.description')
        }
        actions={
          <Link
            to="/reviews/entry-cards"
            search={scope.kind === 'resort' ? { resort: scope.resortId } : {}}
            className={buttonClasses('secondary')}
          >
            {t('review.entryCardsLink')}
          </Link>
        }
      />
      <div className="flex flex-col gap-4">
        <StatusFilter
          key={JSON.stringify(search)}
          search={search}
          resortId={scope.kind === 'resort' ? scope.resortId : undefined}
          resorts={resorts}
          council={council}
        />
        <ReviewList items={scope.data} />
      </div>
    </>
  )
}

function StatusFilter({
  search,
  resortId,
  resorts,
  council,
}: {
  search: Search
  resortId: number | undefined
  resorts: { id: number; name: string }[]
  council: boolean
}) {
  const t = useT()
  const navigate = useNavigate()
  const [draft, setDraft] = useState<Search>({ ...search, resort: resortId })
  const statusOptions = STATUSES.map((s) => ({ value: s, label: t(`evaluation.requestStatuses.${s}`) }))
  const pick = (value: string) => STATUSES.find((s) => s === value)
  return (
    <ReviewFilter
      resorts={resorts}
      council={council}
      resortId={draft.resort}
      onResort={(resort) => setDraft({ ...draft, resort })}
      onApply={() => navigate({ to: '/reviews', search: draft })}
    >
      <Select
        label={t('review.filter.pointStatus')}
        value={draft.points ?? ''}
        onChange={(e) => setDraft({ ...draft, points: pick(e.target.value) })}
        placeholder={t('review.filter.any')}
        options={statusOptions}
        wrapperClassName="sm:w-56"
      />
      <Select
        label={t('review.filter.entryStatus')}
        value={draft.entries ?? ''}
        onChange={(e) => setDraft({ ...draft, entries: pick(e.target.value) })}
        placeholder={t('review.filter.any')}
        options={statusOptions}
        wrapperClassName="sm:w-56"
      />
    </ReviewFilter>
  )
}
