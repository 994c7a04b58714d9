import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { type TFunction, useT } from '~/i18n'
import { type FieldErrors, PublicError } from '~/shared/public-error'
import { useToast } from '~/ui'
import { isValidationCode } from '../field-rules'

/** How a field's message code reads on screen. */
export type FieldMessage = (t: TFunction, code: string) => string

const peopleMessage: FieldMessage = (t, code) =>
  t(`profile.validation.${isValidationCode(code) ? code : 'invalid'}`)

/**
 * The submit cycle of the people forms (other forms pass how their message codes read): check with the shared schema in the browser, send, then show
 * field messages (from either side) under their fields, a stale-version conflict as its own state,
 * and anything else as a toast. The first invalid field gets the focus.
 */
export function useValidatedSubmit(messageOf: FieldMessage = peopleMessage) {
  const t = useT()
  const toast = useToast()
  const formRef = useRef<HTMLFormElement>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [pending, setPending] = useState(false)
  const [conflict, setConflict] = useState(false)

  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])

  const showFieldErrors = (fields: FieldErrors) => {
    setErrors(fields)
    toast.error(t('profile.form.checkFields'))
  }

  async function submit<S extends z.ZodType, R>(
    schema: S,
    values: z.input<S>,
    send: () => Promise<R>,
  ): Promise<R | undefined> {
    const local = schema.safeParse(values)
    if (!local.success) {
      showFieldErrors(z.flattenError(local.error).fieldErrors as FieldErrors)
      return undefined
    }
    setErrors({})
    return run(send)
  }

  /** Sends without a form to check first (e.g. a removal); failures are shown the same way. */
  async function run<R>(send: () => Promise<R>): Promise<R | undefined> {
    setPending(true)
    try {
      return await send()
    } catch (error) {
      if (error instanceof PublicError && error.fields) showFieldErrors(error.fields)
      else if (error instanceof PublicError && error.code === 'CONFLICT') setConflict(true)
      else toast.error(t('common.saveFailed'))
      return undefined
    } finally {
      setPending(false)
    }
  }

  /** The translated first message of a field, for a control's `error` prop. */
  const errorOf = (field: string): string | undefined => {
    const code = errors[field]?.[0]
    return code === undefined ? undefined : messageOf(t, code)
  }

  return { formRef, submit, run, pending, conflict, errorOf }
}
