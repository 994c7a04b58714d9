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
import { useT } from '~/i18n/i18n'
import { CloseButton } from './CloseButton'
import { cx } from './cx'

export type ToastKind = 'success' | 'error' | 'info'

export type ToastOptions = {
  /** Milliseconds before it disappears; 0 keeps it until dismissed. */
  duration?: number
}

export type ToastApi = {
  success: (message: ReactNode, options?: ToastOptions) => number
  error: (message: ReactNode, options?: ToastOptions) => number
  info: (message: ReactNode, options?: ToastOptions) => number
  dismiss: (id: number) => void
}

type ToastItem = { id: number; kind: ToastKind; message: ReactNode; duration: number }

// Errors stay longer: they usually need reading and acting on.
const DEFAULT_DURATION: Record<ToastKind, number> = { success: 5000, info: 5000, error: 10000 }
const MAX_VISIBLE = 4

const ToastContext = createContext<ToastApi | null>(null)

/** Holds the toasts and renders their live region; put it once near the root, inside `I18nProvider`. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id))
  }, [])

  const api = useMemo<ToastApi>(() => {
    const show = (kind: ToastKind) => (message: ReactNode, options?: ToastOptions) => {
      const id = nextId.current++
      const duration = options?.duration ?? DEFAULT_DURATION[kind]
      setToasts((current) => [...current, { id, kind, message, duration }].slice(-MAX_VISIBLE))
      return id
    }
    return { success: show('success'), error: show('error'), info: show('info'), dismiss }
  }, [dismiss])

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* Always rendered: screen readers only announce changes inside a live region that already exists. */}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
      >
        {toasts.map((toast) => (
          <Toast key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext)
  if (!api) throw new Error('useToast() must be used inside <ToastProvider>')
  return api
}

const KIND_CLASSES: Record<ToastKind, string> = {
  success: 'border-green-700 text-green-800',
  error: 'border-red-700 text-red-800',
  info: 'border-brand-700 text-brand-800',
}

function Toast({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  const t = useT()
  const [paused, setPaused] = useState(false)

  // Pausing while hovered or focused gives everyone time to read it (WCAG 2.2.1).
  useEffect(() => {
    if (paused || toast.duration <= 0) return
    const timer = setTimeout(() => onDismiss(toast.id), toast.duration)
    return () => clearTimeout(timer)
  }, [paused, toast.id, toast.duration, onDismiss])

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover/focus only pause the timer, nothing to activate
    <div
      className={cx(
        'pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border-l-4 bg-white p-3 pl-4',
        'shadow-lg ring-1 ring-gray-200 motion-safe:animate-pek-toast-in',
        KIND_CLASSES[toast.kind],
      )}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <ToastIcon kind={toast.kind} />
      <div className="min-w-0 flex-1 pt-0.5 text-sm font-medium text-gray-900">{toast.message}</div>
      <CloseButton
        label={t('common.dismissNotification')}
        onClick={() => onDismiss(toast.id)}
        className="-my-1 -mr-1 size-8"
      />
    </div>
  )
}

function ToastIcon({ kind }: { kind: ToastKind }) {
  const path =
    kind === 'success'
      ? 'M6 10.5l2.5 2.5L14 7.5'
      : kind === 'error'
        ? 'M10 6v5M10 14h.01'
        : 'M10 9v5M10 6h.01'
  return (
    <svg className="mt-0.5 size-5 shrink-0" viewBox="0 0 20 20" fill="none" aria-hidden="true">
      <circle cx="10" cy="10" r="8.25" stroke="currentColor" strokeWidth="1.5" />
      <path d={path} stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
