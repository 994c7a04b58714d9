import { useRouter } from '@tanstack/react-router'
import { type MouseEvent, useEffect, useRef, useState } from 'react'
import { type Locale, useFormat, useLocale, useT } from '~/i18n'
import { Button, Card, cx, EmptyState, useToast } from '~/ui'
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../notification.functions'
import type { NotificationPage, NotificationView } from '../notification.schema'
import { BellIcon } from './NotificationBell'
import { inAppLink, notificationText } from './notification-text'
import { useUnreadCount } from './UnreadCount'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const WEEK = 7 * DAY

/** "5 minutes ago" for the last week, or null for older (those show their date). */
function relativeTime(locale: Locale, at: Date, now: number): string | null {
  const age = now - at.getTime()
  if (age >= WEEK) return null
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (age < MINUTE) return format.format(0, 'second')
  if (age < HOUR) return format.format(-Math.floor(age / MINUTE), 'minute')
  if (age < DAY) return format.format(-Math.floor(age / HOUR), 'hour')
  return format.format(-Math.floor(age / DAY), 'day')
}

/** The current time, only after hydration: the server's render and the browser's first one must agree. */
function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => setNow(Date.now()), [])
  return now
}

/**
 * The user's notifications, newest first: unread ones stand out; following one marks it read first;
 * "mark all read" and older pages by cursor. The bell's count follows every change.
 */
export function NotificationList({ userId, first }: { userId: number; first: NotificationPage }) {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const { count, setCount } = useUnreadCount()
  const [items, setItems] = useState(first.items)
  const [cursor, setCursor] = useState(first.nextCursor)
  const [loadingMore, setLoadingMore] = useState(false)
  const [markingAll, setMarkingAll] = useState(false)
  const listRef = useRef<HTMLUListElement>(null)
  const focusFrom = useRef<number | null>(null)

  // The page's own count is fresher than the one the root loaded a moment before it.
  useEffect(() => setCount(first.unread), [first, setCount])

  // After "load more", focus moves to the first older notification, where reading continues.
  useEffect(() => {
    const from = focusFrom.current
    if (from === null || from >= items.length) return
    listRef.current?.querySelectorAll<HTMLElement>('[data-notification]')[from]?.focus()
    focusFrom.current = null
  }, [items])

  const markedRead = (view: NotificationView) => {
    setItems((current) => current.map((n) => (n.id === view.id ? view : n)))
    setCount((c) => c - 1)
  }

  async function open(n: NotificationView, event: MouseEvent) {
    const link = inAppLink(n.link)
    // A new tab or window keeps this page: mark it read in the background and let the browser go.
    const newTab = event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0
    if (!newTab) event.preventDefault()
    if (!n.readAt) {
      const marking = markNotificationRead({ data: { userId, notificationId: n.id } }).then(markedRead)
      if (!newTab)
        await marking.catch(() => {
          toast.error(t('notification.markFailed'))
        })
    }
    if (link && !newTab) await router.navigate({ href: link })
  }

  async function loadMore() {
    if (cursor === null) return
    setLoadingMore(true)
    try {
      const page = await listNotifications({ data: { userId, cursor } })
      focusFrom.current = items.length
      setItems((current) => [...current, ...page.items])
      setCursor(page.nextCursor)
      setCount(page.unread)
    } catch {
      toast.error(t('notification.loadFailed'))
    } finally {
      setLoadingMore(false)
    }
  }

  async function markAll() {
    setMarkingAll(true)
    try {
      await markAllNotificationsRead({ data: { userId } })
      const now = new Date()
      setItems((current) => current.map((n) => (n.readAt ? n : { ...n, readAt: now })))
      setCount(0)
      toast.success(t('notification.allRead'))
    } catch {
      toast.error(t('notification.markFailed'))
    } finally {
      setMarkingAll(false)
    }
  }

  if (items.length === 0)
    return (
      <EmptyState
        title={t('notification.empty.title')}
        description={t('notification.empty.description')}
        icon={<BellIcon className="size-10" />}
      />
    )

  const unread = count ?? items.filter((n) => !n.readAt).length
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-gray-700">
          {unread === 0 ? t('notification.noneUnread') : t('notification.unreadSummary', { count: unread })}
        </p>
        <Button variant="secondary" size="sm" loading={markingAll} disabled={unread === 0} onClick={markAll}>
          {t('notification.markAllRead')}
        </Button>
      </div>
      <Card flush>
        <ul ref={listRef} className="divide-y divide-gray-200">
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} onOpen={open} />
            </li>
          ))}
        </ul>
      </Card>
      {cursor !== null && (
        <Button variant="secondary" className="self-center" loading={loadingMore} onClick={loadMore}>
          {t('notification.loadMore')}
        </Button>
      )}
    </div>
  )
}

function NotificationItem({
  notification: n,
  onOpen,
}: {
  notification: NotificationView
  onOpen: (n: NotificationView, event: MouseEvent) => void
}) {
  const t = useT()
  const locale = useLocale()
  const { formatDate } = useFormat()
  const now = useNow()
  const unread = !n.readAt
  const link = inAppLink(n.link)
  const absolute = formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })
  const when = (now !== null && relativeTime(locale, n.createdAt, now)) || absolute
  const content = (
    <>
      <span
        aria-hidden="true"
        className={cx('mt-1.5 size-2.5 shrink-0 rounded-full', unread ? 'bg-brand-700' : 'bg-transparent')}
      />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className={cx('break-words', unread ? 'font-semibold text-gray-900' : 'text-gray-700')}>
          {unread && <span className="sr-only">{t('notification.unreadPrefix')} </span>}
          {notificationText(t, n)}
        </span>
        <time dateTime={n.createdAt.toISOString()} title={absolute} className="text-sm text-gray-600">
          {when}
        </time>
      </span>
    </>
  )
  const classes = cx(
    'flex w-full gap-3 px-4 py-3 text-left no-underline sm:px-5',
    unread ? 'bg-brand-50 hover:bg-brand-100' : 'hover:bg-gray-50',
  )
  if (link)
    return (
      <a href={link} data-notification className={classes} onClick={(event) => onOpen(n, event)}>
        {content}
      </a>
    )
  if (unread)
    return (
      <button type="button" data-notification className={classes} onClick={(event) => onOpen(n, event)}>
        {content}
      </button>
    )
  return (
    // Focusable by script only, so "load more" can move the focus here.
    <div data-notification tabIndex={-1} className={classes}>
      {content}
    </div>
  )
}
