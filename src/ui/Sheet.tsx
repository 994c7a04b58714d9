import { type ReactNode, useId } from 'react'
import { useT } from '~/i18n/i18n'
import { CloseButton } from './CloseButton'
import { cx } from './cx'
import { useNativeModal } from './useNativeModal'

export type SheetProps = {
  open: boolean
  onClose: () => void
  title: ReactNode
  children?: ReactNode
  side?: 'left' | 'right'
  /** Accessible name of the ✕ button; defaults to "Bezárás". */
  closeLabel?: string
  /** Lets an opener point at the sheet with aria-controls. */
  id?: string
  className?: string
}

/** A full-height side drawer, built on the same native modal `<dialog>` as `Dialog`. */
export function Sheet({
  open,
  onClose,
  title,
  children,
  side = 'right',
  closeLabel,
  id,
  className,
}: SheetProps) {
  const t = useT()
  const titleId = useId()
  const { ref, ...handlers } = useNativeModal(open, onClose)
  return (
    <dialog
      ref={ref}
      id={id}
      aria-labelledby={titleId}
      className={cx(
        'my-0 h-dvh max-h-none w-[min(20rem,calc(100%-3rem))] max-w-none bg-white p-0 text-gray-900 shadow-xl',
        'backdrop:bg-gray-950/50 open:backdrop:animate-pek-fade-in',
        side === 'right'
          ? 'mr-0 ml-auto open:animate-pek-slide-in-right'
          : 'mr-auto ml-0 open:animate-pek-slide-in-left',
        className,
      )}
      {...handlers}
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center gap-4 border-b border-gray-200 px-4 py-3">
          <h2 id={titleId} className="min-w-0 flex-1 text-lg font-semibold">
            {title}
          </h2>
          <CloseButton label={closeLabel ?? t('common.close')} onClick={onClose} className="-mr-1" />
        </header>
        <div className="flex-1 overflow-y-auto px-4 py-4">{children}</div>
      </div>
    </dialog>
  )
}
