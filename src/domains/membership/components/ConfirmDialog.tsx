import type { ReactNode } from 'react'
import { useT } from '~/i18n'
import { Button, Dialog } from '~/ui'

export type ConfirmDialogProps = {
  open: boolean
  onClose: () => void
  /** Names exactly what is about to change. */
  question: ReactNode
  confirmLabel: string
  onConfirm: () => void
  /** While the change is being saved: a spinner on the confirm button, which ignores clicks. */
  pending?: boolean
}

/** Asks before a change that takes something away; the dialog's focus starts on "cancel". */
export function ConfirmDialog({
  open,
  onClose,
  question,
  confirmLabel,
  onConfirm,
  pending,
}: ConfirmDialogProps) {
  const t = useT()
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('roster.confirm.title')}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{question}</p>
    </Dialog>
  )
}
