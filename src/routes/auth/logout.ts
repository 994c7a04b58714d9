import { createFileRoute } from '@tanstack/react-router'
import { logout } from '~/server/auth/login.server'

// POST only: a logout link could be triggered by any page; the CSRF middleware guards POSTs.
export const Route = createFileRoute('/auth/logout')({
  server: { handlers: { POST: ({ request }) => logout(request) } },
})
