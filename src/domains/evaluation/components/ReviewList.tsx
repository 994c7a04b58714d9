import { Link } from '@tanstack/react-router'
import { useFormat, useT } from '~/i18n'
import { Badge, EmptyState } from '~/ui'
import type { ReviewListItem } from '../evaluation.schema'
import { REQUEST_TONE } from './EvaluationStatusCard'

/**
 * The current semester's evaluations as the reviewers see them: one row per group, each a link to
 * its evaluation, with the point and entry requests' statuses and when they were submitted. A list,
 * not a table: on a phone each row stays readable without scrolling sideways.
 */
export function ReviewList({ items }: { items: ReviewListItem[] }) {
  const t = useT()
  if (items.length === 0)
    return <EmptyState title={t('review.empty.title')} description={t('review.empty.description')} />
  return (
    <section aria-labelledby="review-list-title" className="flex flex-col gap-2">
      <h2 id="review-list-title" className="text-lg font-semibold text-gray-900">
        {t('review.caption', { count: items.length })}
      </h2>
      <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white shadow-sm">
        {items.map((item) => (
          <li key={item.evaluationId} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center">
            <Link
              to="/groups/$groupId/evaluation"
              params={{ groupId: String(item.groupId) }}
              className="font-medium sm:w-1/3"
            >
              {item.groupName}
            </Link>
            <RequestCell request="points" status={item.pointStatus} submittedAt={item.pointSubmittedAt} />
            <RequestCell request="entries" status={item.entryStatus} submittedAt={item.entrySubmittedAt} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function RequestCell({
  request,
  status,
  submittedAt,
}: {
  request: 'points' | 'entries'
  status: ReviewListItem['pointStatus']
  submittedAt: Date | null
}) {
  const t = useT()
  const { formatDate } = useFormat()
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm sm:w-1/3">
      <span className="text-gray-700">{t(`evaluation.status.${request}`)}:</span>
      <Badge tone={REQUEST_TONE[status]}>{t(`evaluation.requestStatuses.${status}`)}</Badge>
      {submittedAt && (
        <span className="text-gray-600">
          {t('review.submittedAt', { date: formatDate(submittedAt, { dateStyle: 'short' }) })}
        </span>
      )}
    </div>
  )
}
