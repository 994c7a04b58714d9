import { createFileRoute } from '@tanstack/react-router'
import { completeLogin } from '~/server/auth/login.server'

export const Route = createFileRoute('/auth/callback')({
  server: { handlers: { GET: ({ request }) => completeLogin(request) } },
})
