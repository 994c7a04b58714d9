import { useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import type { MembershipStatus } from '~/generated/prisma/enums'
import { useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { refusalKey } from '~/shared/refusal'
import { useToast } from '~/ui'
import { conflictStatus } from './roster-actions'

export type ActionMessages = {
  /** The toast after success. */
  done: string
  /** A 409 that is not a membership's state (INVALID_STATE: a rule of the domain said no). */
  refused?: string
  /** A 403, when the screen can say more than "not allowed". */
  forbidden?: string
  /** A membership that changed meanwhile, given its status now in words. */
  conflict?: (status: string) => string
}

/**
 * One change on the group page: send it, toast the outcome, then reload the route so every list
 * shows what the server stored. A membership that another admin changed meanwhile (409 with its
 * status) is said so in words and the page is reloaded too: the buttons then match the new state.
 */
export function useAction() {
  const t = useT()
  const toast = useToast()
  const router = useRouter()
  const [pending, setPending] = useState(false)
  // The last failure in words, for a form that also shows it beside itself (not only as a toast).
  const [failure, setFailure] = useState<string | null>(null)

  // The rule the server named, in words; the generic refusal when it named none the UI knows.
  const refusalMessage = (error: unknown) => {
    const key = refusalKey(error)
    return key ? t(key) : t('roster.refused')
  }

  const statusLabel = (status: MembershipStatus | 'NONE') =>
    status === 'NONE' ? t('roster.noMembership') : t(`membership.status.${status}`)

  async function run<R>(send: () => Promise<R>, messages: ActionMessages): Promise<R | undefined> {
    setPending(true)
    setFailure(null)
    try {
      const result = await send()
      toast.success(messages.done)
      await router.invalidate()
      return result
    } catch (error) {
      const status = conflictStatus(error)
      const message = status
        ? (messages.conflict?.(statusLabel(status)) ?? t('roster.conflict', { status: statusLabel(status) }))
        : error instanceof PublicError && error.code === 'INVALID_STATE'
          ? (messages.refused ?? refusalMessage(error))
          : error instanceof PublicError && error.status === 403
            ? (messages.forbidden ?? t('roster.forbidden'))
            : t('common.saveFailed')
      setFailure(message)
      toast.error(message)
      if (status) await router.invalidate()
      return undefined
    } finally {
      setPending(false)
    }
  }

  return { run, pending, failure }
}
