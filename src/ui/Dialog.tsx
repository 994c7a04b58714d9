import { type ReactNode, useId } from 'react'
import { useT } from '~/i18n/i18n'
import { CloseButton } from './CloseButton'
import { cx } from './cx'
import { useNativeModal } from './useNativeModal'

const SIZES = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-3xl' } as const

export type DialogProps = {
  open: boolean
  onClose: () => void
  title: ReactNode
  description?: ReactNode
  children?: ReactNode
  /** Action buttons, right-aligned under the body. */
  footer?: ReactNode
  size?: keyof typeof SIZES
  id?: string
  className?: string
}

/**
 * A centred modal on the native `<dialog>`. Focus goes to the first focusable element, or to
 * one marked `data-autofocus`, and returns to the opener on close.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = 'md',
  id,
  className,
}: DialogProps) {
  const t = useT()
  const titleId = useId()
  const descriptionId = useId()
  const { ref, ...handlers } = useNativeModal(open, onClose)
  return (
    <dialog
      ref={ref}
      id={id}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cx(
        'm-auto w-[calc(100%-2rem)] max-h-[calc(100dvh-2rem)] rounded-xl bg-white p-0 text-gray-900 shadow-xl',
        'backdrop:bg-gray-950/50 open:animate-pek-pop-in open:backdrop:animate-pek-fade-in',
        SIZES[size],
        className,
      )}
      {...handlers}
    >
      <div className="flex max-h-[inherit] flex-col">
        <header className="flex items-start gap-4 border-b border-gray-200 px-5 py-4">
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="text-lg font-semibold text-gray-900">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="mt-1 text-sm text-gray-600">
                {description}
              </p>
            )}
          </div>
          <CloseButton label={t('common.close')} onClick={onClose} className="-mt-1 -mr-2" />
        </header>
        <div className="overflow-y-auto px-5 py-4">{children}</div>
        {footer && (
          <footer className="flex flex-wrap justify-end gap-2 border-t border-gray-200 px-5 py-3">
            {footer}
          </footer>
        )}
      </div>
    </dialog>
  )
}
