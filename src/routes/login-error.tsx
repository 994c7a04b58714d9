import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { useT } from '~/i18n'
import { ButtonLink, ErrorState } from '~/ui'

const Search = z.object({ reason: z.enum(['expired', 'denied', 'failed']).catch('failed').default('failed') })

export const Route = createFileRoute('/login-error')({
  validateSearch: Search,
  component: LoginError,
})

function LoginError() {
  const t = useT()
  const { reason } = Route.useSearch()
  return (
    <ErrorState
      status={401}
      headingLevel={1}
      title={t('auth.loginError.title')}
      message={t(`auth.loginError.${reason}`)}
      actions={<ButtonLink href="/auth/login">{t('auth.loginError.retry')}</ButtonLink>}
    />
  )
}
