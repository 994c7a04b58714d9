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
    // The evaluation kinds (issue 6) get their texts with the evaluation screens; until then the
    // group's name says where to look.
    case 'EVALUATION_SUBMITTED':
    case 'EVALUATION_JUDGED':
      return groupName
  }
}

/** Only a path inside the app is followed (never `//elsewhere` or a full URL). */
export function inAppLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null
}
