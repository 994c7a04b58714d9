import { useRouter } from '@tanstack/react-router'
import type { z } from 'zod'
import { type FieldMessage, useValidatedSubmit } from '~/domains/user/components/use-validated-submit'
import { useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { useToast } from '~/ui'

const CODES = ['semesterId', 'notInFuture', 'tooFarAhead', 'tooSmall', 'tooLarge', 'invalid'] as const
const isCode = (code: string): code is (typeof CODES)[number] => CODES.some((c) => c === code)
const semesterMessage: FieldMessage = (t, code) => t(`semester.validation.${isCode(code) ? code : 'invalid'}`)

/**
 * One change on the semester screen, in the people forms' submit cycle (the server's schema checked
 * in the browser first, field messages — either side's — under their fields): a success is toasted
 * and the route reloaded, so every card shows what the server stored. A 403 says who may; any other
 * refusal goes to `onRefusal`, or to the cycle's toast.
 */
export function useSemesterAction() {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const { formRef, submit, run: send, pending, errorOf } = useValidatedSubmit(semesterMessage)

  async function run<S extends z.ZodType, R>(options: {
    /** The server's schema and the values, checked in the browser first. */
    check?: { schema: S; values: z.input<S> }
    send: () => Promise<R>
    success: (result: R) => string
    onRefusal?: (error: PublicError) => Promise<boolean>
  }): Promise<void> {
    // Boxed: a change that returns nothing (a cancel) must still count as done.
    const guarded = async () => {
      try {
        return { result: await options.send() }
      } catch (error) {
        if (!(error instanceof PublicError) || error.fields) throw error
        if (error.status === 403) toast.error(t('semester.forbidden.message'))
        else if (!(await options.onRefusal?.(error))) throw error
        return undefined
      }
    }
    const { check } = options
    const done = check ? await submit(check.schema, check.values, guarded) : await send(guarded)
    if (!done) return
    toast.success(options.success(done.result))
    await router.invalidate()
  }

  return { formRef, run, pending, errorOf }
}
