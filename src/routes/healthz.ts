import { createFileRoute } from '@tanstack/react-router'
import { liveness } from '~/server/health/health.server'

export const Route = createFileRoute('/healthz')({
  server: { handlers: { GET: () => liveness() } },
})
