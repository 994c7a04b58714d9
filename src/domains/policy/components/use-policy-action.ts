import { useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { useT } from '~/i18n'
import { useToast } from '~/ui'

/** The server's own words: its refusals (a broken delegation rule, a 403) say exactly what is wrong. */
export const failureMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

/**
 * One admin change: send it, toast the outcome, then reload the route so the tree, the counts and
 * the detail all show the change as the server stored it.
 */
export function usePolicyAction() {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [pending, setPending] = useState(false)
  // The last refusal in the server's words, for a form that also shows it beside its fields.
  const [error, setError] = useState<string | null>(null)

  async function run<R>(send: () => Promise<R>, success: (result: R) => string): Promise<R | undefined> {
    setPending(true)
    setError(null)
    try {
      const result = await send()
      toast.success(success(result))
      await router.invalidate()
      return result
    } catch (failure) {
      const message = failureMessage(failure)
      setError(message)
      toast.error(t('policy.saveFailed', { message }))
      return undefined
    } finally {
      setPending(false)
    }
  }

  return { run, pending, error, clearError: () => setError(null) }
}
