import { type MouseEvent, type PointerEvent, type SyntheticEvent, useEffect, useRef } from 'react'

/**
 * Drives a native `<dialog>` as a controlled modal: `open` is the single source of truth and every
 * way of closing (Escape, backdrop click, `<form method="dialog">`) goes through `onClose`.
 * The browser supplies the focus trap, the inert background and the top layer.
 */
export function useNativeModal(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  const openRef = useRef(open)
  const pressStartedOnBackdrop = useRef(false)

  useEffect(() => {
    onCloseRef.current = onClose
    openRef.current = open
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // Browsers differ in restoring focus after close(); do it ourselves so keyboard users land
      // back on the control that opened the dialog.
      if (opener?.isConnected) opener.focus()
    }
  }, [open])

  return {
    ref,
    // Escape fires `cancel`: keep the dialog open until the parent's state says otherwise.
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault()
      onCloseRef.current()
    },
    // Fires for closes we did not start (method="dialog" forms, a second Escape Chrome won't let us cancel).
    onClose: () => {
      if (openRef.current) onCloseRef.current()
    },
    // A click on the ::backdrop targets the dialog itself. Requiring the press to start there too stops
    // a text selection dragged out of an input from closing the dialog.
    onPointerDown: (event: PointerEvent<HTMLDialogElement>) => {
      pressStartedOnBackdrop.current = event.target === event.currentTarget
    },
    onClick: (event: MouseEvent<HTMLDialogElement>) => {
      if (pressStartedOnBackdrop.current && event.target === event.currentTarget) onCloseRef.current()
      pressStartedOnBackdrop.current = false
    },
  }
}
