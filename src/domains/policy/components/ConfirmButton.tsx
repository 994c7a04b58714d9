import { type ReactNode, useState } from 'react'
import { useT } from '~/i18n'
import { Button, type ButtonVariant, Dialog } from '~/ui'

/** A button that asks first: the question names exactly what is about to change. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
  variant = 'secondary',
}: {
  label: ReactNode
  question: ReactNode
  confirmLabel: string
  onConfirm: () => Promise<unknown>
  pending?: boolean
  variant?: ButtonVariant
}) {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('policy.confirm')}
        size="sm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('policy.cancel')}
            </Button>
            <Button
              variant="danger"
              disabled={pending}
              onClick={() => onConfirm().finally(() => setOpen(false))}
            >
              {confirmLabel}
            </Button>
          </>
        }
      >
        <p>{question}</p>
      </Dialog>
    </>
  )
}
