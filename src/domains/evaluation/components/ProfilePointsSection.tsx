import { Link } from '@tanstack/react-router'
import { semesterName } from '~/domains/semester/components/semester-text'
import { useFormat, useT } from '~/i18n'
import { Card } from '~/ui'
import type { UserHistory } from '../history.schema'
import { HistoryEntryBadge, historyPoints } from './HistoryEntryCard'

type Semester = UserHistory['semesters'][number]

/**
 * A profile's accepted results, per semester newest first (ADR 0016): each group's points and entry
 * card, and the semester's community points with their breakdown. Only the owner and full-profile
 * viewers get the data at all; the page leaves the section out for anyone else.
 */
export function ProfilePointsSection({ history, own }: { history: UserHistory; own: boolean }) {
  const t = useT()
  return (
    <Card title={t('history.profile.title')} headingLevel={2} className="mt-6">
      <p className="text-sm text-gray-600">
        {t('history.profile.description')}
        {own && ` ${t('history.profile.private')}`}
      </p>
      {history.semesters.length === 0 ? (
        <p className="mt-4 text-gray-800" data-testid="profile-points-empty">
          {t(own ? 'history.profile.emptyOwn' : 'history.profile.emptyOther')}
        </p>
      ) : (
        <ol className="mt-4 flex flex-col gap-6">
          {history.semesters.map((semester) => (
            <SemesterResults key={semester.semester} semester={semester} />
          ))}
        </ol>
      )}
    </Card>
  )
}

function SemesterResults({ semester }: { semester: Semester }) {
  const t = useT()
  const format = useFormat()
  const name = semesterName(t, semester.semester)
  const community = semester.communityPoints
  return (
    <li>
      <h3 className="text-base font-semibold text-gray-900">{name}</h3>
      <p className="mt-1 text-sm font-medium text-gray-800">
        {community
          ? t('history.profile.communityPoints', { points: format.formatNumber(community.points) })
          : t('history.profile.noCommunityPoints')}
      </p>
      {community && community.groups.length > 0 && (
        <details className="mt-1 text-sm text-gray-700">
          <summary className="cursor-pointer">{t('history.profile.breakdown')}</summary>
          <ul className="mt-1 list-disc pl-5">
            {community.groups.map((g) => (
              <li key={g.groupId}>
                {t('history.profile.breakdownRow', {
                  group: g.groupName ?? t('history.profile.unknownGroup'),
                  total: format.formatNumber(g.total),
                  current: format.formatNumber(g.current),
                  previous: format.formatNumber(g.previous),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {semester.groups.length === 0 ? (
        <p className="mt-2 text-sm text-gray-600">{t('history.profile.noGroups')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-gray-200 rounded-md border border-gray-200">
          {semester.groups.map((group) => (
            <li key={group.groupId} className="flex flex-col gap-1 px-3 py-2 sm:px-4">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link
                  to="/groups/$groupId"
                  params={{ groupId: String(group.groupId) }}
                  className="font-medium"
                >
                  {group.groupName}
                </Link>
                <span className="text-sm text-gray-800">
                  {group.points === null ? t('history.pointsNotAccepted') : historyPoints(t, group.points)}
                </span>
                <span className="inline-flex items-center gap-1 text-sm text-gray-800">
                  {group.entryCard ? (
                    <>
                      {t('history.group.entryCard')}: <HistoryEntryBadge card={group.entryCard} />
                    </>
                  ) : (
                    t('history.entryNotAccepted')
                  )}
                </span>
              </div>
              {group.entryCard?.justification && (
                <p className="text-sm break-words whitespace-pre-line text-gray-700">
                  {group.entryCard.justification}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
