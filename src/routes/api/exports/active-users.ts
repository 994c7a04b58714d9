import { createFileRoute } from '@tanstack/react-router'
import { serveActiveUsersCsv } from '~/domains/evaluation/exports.server'

export const Route = createFileRoute('/api/exports/active-users')({
  server: { handlers: { GET: () => serveActiveUsersCsv() } },
})
