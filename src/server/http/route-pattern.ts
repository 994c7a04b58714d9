// The matched route's pattern (`/groups/$groupId/evaluation`) for the request's log line and
// metrics label: a bounded set, unlike raw paths. The root route installs `routeFacts` as its
// server middleware, which Start runs for every page and server route request once the router has
// matched it. Server function calls match no route: their guard names them by entry point.
import { createMiddleware } from '@tanstack/react-start'
import { noteRequestFacts } from './request-facts'

/**
 * Puts each parameter's name back in place of its value, segment by segment, in the order the
 * router listed them. Null when the router matched no route (its catch-all `**` parameter).
 */
export function routePattern(pathname: string, params: Record<string, string>): string | null {
  if ('**' in params) return null
  const pending = Object.entries(params)
  return pathname
    .split('/')
    .map((segment) => {
      const value = safeDecode(segment)
      const index = pending.findIndex(([, v]) => v === value)
      const param = index < 0 ? undefined : pending.splice(index, 1)[0]
      return param ? `$${param[0]}` : segment
    })
    .join('/')
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')

export const routeFacts = createMiddleware().server((options) => {
  // Start hands route middleware the router's raw params, though its types do not list them.
  const params: unknown = Reflect.get(options, 'params')
  const route = isStringRecord(params) ? routePattern(options.pathname, params) : null
  noteRequestFacts({ route: route ?? 'unmatched' })
  return options.next()
})
