import { createRouter } from '@tanstack/react-router'
import { routeTree } from './routeTree.gen'
import { requestCspNonce } from './shared/csp-nonce'
import { NotFoundPage, RouteError } from './shared/RouteError'
import { LoadingState } from './ui'

export function getRouter() {
  return createRouter({
    routeTree,
    scrollRestoration: true,
    defaultPreload: 'intent',
    // Show a loading state only when a navigation is slow enough to notice.
    defaultPendingMs: 300,
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
    // Stamped on every inline script and style the server renders; the CSP allows only those.
    ssr: { nonce: requestCspNonce() },
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof getRouter>
  }
}
