import { createFileRoute } from '@tanstack/react-router'
import { readiness } from '~/server/health/health.server'

export const Route = createFileRoute('/readyz')({
  server: { handlers: { GET: () => readiness() } },
})
