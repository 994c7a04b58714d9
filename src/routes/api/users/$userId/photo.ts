import { createFileRoute } from '@tanstack/react-router'
import { servePhoto } from '~/domains/user/photo.server'

export const Route = createFileRoute('/api/users/$userId/photo')({
  server: { handlers: { GET: ({ request, params }) => servePhoto(request, params.userId) } },
})
