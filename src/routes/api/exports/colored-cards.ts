import { createFileRoute } from '@tanstack/react-router'
import { serveColoredCardsCsv } from '~/domains/evaluation/exports.server'

export const Route = createFileRoute('/api/exports/colored-cards')({
  server: { handlers: { GET: ({ request }) => serveColoredCardsCsv(request) } },
})
