// The matched route's pattern (`/groups/$groupId/evaluation`) for the request's log line and
// metrics label: a bounded set, unlike raw paths (`/u/<screen name>` would make a series per user,
// a scanner's made-up URLs one per probe). Matched by the app's own route tree, the way the router
// matches it; server function calls match no route, their guard names them by entry point.
import { createRouter } from '@tanstack/react-router'
import { routeTree } from '~/routeTree.gen'

let matcher: { getMatchedRoutes: ReturnType<typeof createRouter>['getMatchedRoutes'] } | undefined

/** The pattern of the route that serves `pathname`; null when no route does. */
export function routePatternOf(pathname: string): string | null {
  // A router of its own, never loaded: only its matching is used.
  matcher ??= createRouter({ routeTree })
  const [, params, found] = matcher.getMatchedRoutes(pathname)
  if (!found || '**' in params) return null
  // Index routes end in '/' (`/groups/`); the path they answer does not.
  return found.fullPath === '/' ? '/' : found.fullPath.replace(/\/$/, '')
}
