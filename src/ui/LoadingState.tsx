import { useT } from '~/i18n/i18n'
import { cx } from './cx'
import { Spinner } from './Spinner'

export type LoadingStateProps = {
  /** Defaults to "Betöltés…". */
  label?: string
  className?: string
}

export function LoadingState({ label, className }: LoadingStateProps) {
  const t = useT()
  return (
    // role="status" is a polite live region: the text is announced without stealing focus.
    <div
      role="status"
      className={cx('flex items-center justify-center gap-3 py-12 text-gray-600', className)}
    >
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  )
}
