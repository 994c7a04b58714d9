import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { buttonClasses } from '~/ui'
import { useUnreadCount } from './UnreadCount'

/** More than this shows as "99+": the badge stays small, the label still says the exact number. */
const BADGE_MAX = 99

/** The header's bell: a link to the notifications page, with the unread count as a badge. */
export function NotificationBell() {
  const t = useT()
  const { count } = useUnreadCount()
  const unread = count ?? 0
  const label =
    unread === 0
      ? t('notification.bell.none')
      : unread === 1
        ? t('notification.bell.one')
        : t('notification.bell.many', { count: unread })
  return (
    <Link
      to="/notifications"
      aria-label={label}
      title={label}
      className={buttonClasses(
        'ghost',
        'md',
        'relative px-2.5 text-gray-700 aria-[current=page]:bg-brand-50',
      )}
      activeOptions={{ exact: true }}
    >
      <BellIcon className="size-6" />
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs leading-5 font-semibold text-white ring-2 ring-white"
        >
          {unread > BADGE_MAX ? `${BADGE_MAX}+` : unread}
        </span>
      )}
    </Link>
  )
}

export function BellIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Zm4 4a2 2 0 0 0 4 0"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
