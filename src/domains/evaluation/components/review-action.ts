import { useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { useT } from '~/i18n'
import { type FieldErrors, PublicError } from '~/shared/public-error'
import { useToast } from '~/ui'
import { refusalMessage } from './evaluation-access'

/**
 * One reviewer's write (a judgement, a message, a recommendation, a final decision): a success is
 * toasted and the route reloaded, so the page shows what the server stored; a 400 puts its codes
 * under the fields; a refusal (409 by reason, 403) is kept in words for an alert beside the form.
 */
export function useReviewAction() {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [fields, setFields] = useState<FieldErrors>({})

  async function run(send: () => Promise<unknown>, success: string): Promise<boolean> {
    setPending(true)
    setRefusal(null)
    setFields({})
    try {
      await send()
      toast.success(success)
      await router.invalidate()
      return true
    } catch (error) {
      if (error instanceof PublicError && error.code === 'VALIDATION' && error.fields) {
        setFields(error.fields)
        return false
      }
      const message = refusalMessage(t, error) ?? t('common.saveFailed')
      setRefusal(message)
      toast.error(message)
      return false
    } finally {
      setPending(false)
    }
  }

  /** The first code of a field's 400, e.g. `required`. */
  const codeOf = (field: string): string | undefined => fields[field]?.[0]

  return { run, pending, refusal, codeOf, setFields }
}
