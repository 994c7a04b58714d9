import { useFormat, useT } from '~/i18n'
import { Badge, type BadgeTone, Card } from '~/ui'
import type { SwitchLogEntry } from '../semester.schema'
import { periodName, semesterName } from './semester-text'

const TONE: Record<SwitchLogEntry['status'], BadgeTone> = {
  SCHEDULED: 'brand',
  DONE: 'success',
  CANCELLED: 'neutral',
}

/** The latest done and cancelled switches, newest first: who switched what, when, and what it replaced. */
export function SwitchLogList({ past }: { past: SwitchLogEntry[] }) {
  const t = useT()
  const { formatDate } = useFormat()
  const unknown = t('semester.log.unknown')
  return (
    <Card title={t('semester.log.title')} headingLevel={2}>
      {past.length === 0 ? (
        <p className="text-sm text-gray-600">{t('semester.log.empty')}</p>
      ) : (
        <ol className="divide-y divide-gray-200" data-testid="switch-log">
          {past.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1 py-3 text-sm first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-gray-900">
                  {formatDate(entry.doneAt ?? entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
                </span>
                <Badge tone={TONE[entry.status]}>{t(`semester.statuses.${entry.status}`)}</Badge>
              </div>
              <p className="text-gray-800">
                {t('semester.log.to', {
                  semester: semesterName(t, entry.semester),
                  period: periodName(t, entry.period),
                })}
              </p>
              {entry.from && (
                <p className="text-gray-600">
                  {t('semester.log.from', {
                    semester: semesterName(t, entry.from.semester),
                    period: periodName(t, entry.from.period),
                  })}
                </p>
              )}
              <p className="text-gray-600">
                {t('semester.log.createdBy', { name: entry.createdBy?.name ?? unknown })}
                {entry.status === 'CANCELLED' &&
                  ` · ${t('semester.log.cancelledBy', { name: entry.cancelledBy?.name ?? unknown })}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
