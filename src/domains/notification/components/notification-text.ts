import { semesterName } from '~/domains/semester/components/semester-text'
import type { TFunction } from '~/i18n'
import type { NotificationView } from '../notification.schema'

/** A param as text: names were stored when the notification was sent; a missing one reads "unknown". */
const text = (t: TFunction, value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? t('notification.unknown') : String(value)

/** The sentence of one notification, from its kind and the names it was sent with. */
export function notificationText(t: TFunction, n: Pick<NotificationView, 'kind' | 'params'>): string {
  const groupName = text(t, n.params.groupName)
  switch (n.kind) {
    case 'APPLICATION_RECEIVED':
      return t('notification.kinds.APPLICATION_RECEIVED', { groupName, userName: text(t, n.params.userName) })
    case 'MEMBERSHIP_ACCEPTED':
      return t('notification.kinds.MEMBERSHIP_ACCEPTED', { groupName })
    case 'MEMBERSHIP_FORMER':
      return t('notification.kinds.MEMBERSHIP_FORMER', { groupName })
    case 'MEMBERSHIP_ARCHIVED':
      return t('notification.kinds.MEMBERSHIP_ARCHIVED', { groupName })
    case 'EVALUATION_SUBMITTED':
      return t('notification.kinds.EVALUATION_SUBMITTED', {
        groupName,
        requests: changedRequests(n.params)
          .map((r) => t(`notification.requests.${r.request}`))
          .join(', '),
        semester: semesterOf(t, n.params.semester),
      })
    case 'EVALUATION_JUDGED':
      return t('notification.kinds.EVALUATION_JUDGED', {
        groupName,
        changes: changedRequests(n.params)
          .map((r) =>
            t('notification.change', {
              request: t(`notification.requests.${r.request}`),
              from: requestStatus(t, r.from),
              to: requestStatus(t, r.to),
            }),
          )
          .join(', '),
        semester: semesterOf(t, n.params.semester),
        reason: text(t, n.params.reason),
      })
  }
}

type Params = NotificationView['params']
type Param = Params[string] | undefined
const STATUSES = ['NOT_SUBMITTED', 'PENDING', 'ACCEPTED', 'REJECTED'] as const

/** A request status as the evaluation screen names it; an unknown one as it came. */
function requestStatus(t: TFunction, value: Param): string {
  const status = STATUSES.find((s) => s === value)
  return status ? t(`evaluation.requestStatuses.${status}`) : text(t, value)
}

const semesterOf = (t: TFunction, value: Param): string =>
  typeof value === 'string' && value ? semesterName(t, value) : text(t, value)

/**
 * The requests whose status the change moved (`pointFrom` → `pointTo`, `entryFrom` → `entryTo`, as
 * the evaluation's status service sends them); both when the params say nothing of a change.
 */
function changedRequests(params: Params) {
  const all = [
    { request: 'points' as const, from: params.pointFrom, to: params.pointTo },
    { request: 'entries' as const, from: params.entryFrom, to: params.entryTo },
  ]
  const changed = all.filter((r) => r.from !== r.to)
  return changed.length > 0 ? changed : all
}

/** Only a path inside the app is followed (never `//elsewhere` or a full URL). */
export function inAppLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null
}
