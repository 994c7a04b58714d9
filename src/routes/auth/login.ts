import { createFileRoute } from '@tanstack/react-router'
import { beginLogin } from '~/server/auth/login.server'

export const Route = createFileRoute('/auth/login')({
  server: { handlers: { GET: ({ request }) => beginLogin(request) } },
})
