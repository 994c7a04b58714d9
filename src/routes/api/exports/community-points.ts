import { createFileRoute } from '@tanstack/react-router'
import { serveCommunityPointsCsv } from '~/domains/evaluation/exports.server'

export const Route = createFileRoute('/api/exports/community-points')({
  server: { handlers: { GET: ({ request }) => serveCommunityPointsCsv(request) } },
})
