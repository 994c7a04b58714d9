// GET /api/exports/*.csv handlers: the guard (./exports.entries.ts, semester:admin), one service call,
// the CSV as an attachment (csv.ts). Errors — 401, 403, 400 for a bad semester, 409 `not-quiet` —
// come back as JSON through the same mapping as the server functions.
import { guardEntry } from '~/server/auth/guard'
import { withErrorResponse } from '~/server/http/route-errors'
import { csvResponse } from './csv'
import { exportEntries as entries } from './exports.entries'
import { ExportService } from './exports.service'

/** `?semester=` (either form) when given. */
const semesterParam = (request: Request) => {
  const semester = new URL(request.url).searchParams.get('semester')
  return semester === null ? {} : { semester }
}

export function serveCommunityPointsCsv(request: Request): Promise<Response> {
  return withErrorResponse(async () => {
    const { input, services } = await guardEntry(entries.communityPoints, semesterParam(request))
    const { csv, filename } = await services.resolve(ExportService).communityPoints(input)
    return csvResponse(csv, filename)
  })
}

export function serveColoredCardsCsv(request: Request): Promise<Response> {
  return withErrorResponse(async () => {
    const { input, services } = await guardEntry(entries.coloredCards, semesterParam(request))
    const { csv, filename } = await services.resolve(ExportService).coloredCards(input)
    return csvResponse(csv, filename)
  })
}

export function serveActiveUsersCsv(): Promise<Response> {
  return withErrorResponse(async () => {
    const { services } = await guardEntry(entries.activeUsers, {})
    const { csv, filename } = await services.resolve(ExportService).activeUsers()
    return csvResponse(csv, filename)
  })
}
