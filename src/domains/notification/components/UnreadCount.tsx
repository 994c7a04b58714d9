import { useRouterState } from '@tanstack/react-router'
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { countUnreadNotifications } from '../notification.functions'

type UnreadCountValue = {
  /** The logged-in user's unread notifications; null when unknown (logged out, or the count failed). */
  count: number | null
  /** Set it from a fresher answer than the last count (a page of notifications, a marking). */
  setCount: (count: number | ((current: number) => number)) => void
}

const UnreadCountContext = createContext<UnreadCountValue>({ count: null, setCount: () => {} })

/**
 * Holds the bell's number. It starts from the root loader's count (the page load), is counted again
 * after each client-side navigation (in the background: the root loader does not run again then), and
 * the notifications page corrects it at once when it marks something read.
 */
export function UnreadCountProvider({
  userId,
  count: loaded,
  children,
}: {
  userId: number | null
  count: number | null
  children: ReactNode
}) {
  const [state, setState] = useState({ loaded, count: loaded })
  // A new count from the root loader wins over a local one (adjusting state during render).
  if (state.loaded !== loaded) setState({ loaded, count: loaded })

  // Stable, so that effects depending on it run only when their own data changes.
  const setCount = useCallback<UnreadCountValue['setCount']>(
    (next) =>
      setState((current) => ({
        ...current,
        count: Math.max(0, typeof next === 'function' ? next(current.count ?? 0) : next),
      })),
    [],
  )

  const path = useRouterState({ select: (s) => s.location.pathname })
  const counted = useRef(path)
  useEffect(() => {
    if (userId === null || counted.current === path) return
    counted.current = path
    let current = true
    countUnreadNotifications({ data: { userId } })
      .then((count) => current && setCount(count))
      // The bell keeps its last number; the next navigation counts again.
      .catch(() => {})
    return () => {
      current = false
    }
  }, [userId, path, setCount])

  const value = useMemo(() => ({ count: state.count, setCount }), [state.count, setCount])
  return <UnreadCountContext.Provider value={value}>{children}</UnreadCountContext.Provider>
}

export function useUnreadCount(): UnreadCountValue {
  return useContext(UnreadCountContext)
}
