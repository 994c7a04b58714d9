import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { useT } from '~/i18n'
import { LOGIN_FAILURE_REASONS } from '~/shared/login-failure-reason'
import { ButtonLink, ErrorState } from '~/ui'

const Search = z.object({ reason: z.enum(LOGIN_FAILURE_REASONS).catch('failed').default('failed') })

export const Route = createFileRoute('/login-error')({
  validateSearch: Search,
  component: LoginError,
})

function LoginError() {
  const t = useT()
  const { reason } = Route.useSearch()
  return (
    <ErrorState
      status={reason === 'disabled' ? 403 : 401}
      headingLevel={1}
      title={t('auth.loginError.title')}
      message={t(`auth.loginError.${reason}`)}
      actions={
        // Logging in again cannot help a disabled account.
        reason === 'disabled' ? undefined : (
          <ButtonLink href="/auth/login">{t('auth.loginError.retry')}</ButtonLink>
        )
      }
    />
  )
}
