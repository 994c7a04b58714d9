// Global middleware, installed in src/start.ts.
import { createCsrfMiddleware, createMiddleware } from '@tanstack/react-start'
import { setResponseHeaders, setResponseStatus } from '@tanstack/react-start/server'
import { getAppContainer } from '../di/app-container'
import { CONFIG, LOGGER, type TokenTypes } from '../di/tokens'
import { startRequestTimer } from '../metrics/metrics'
import { errorHeaders, toPublicError } from './error-mapping'
import { type RequestFacts, runWithRequestFacts } from './request-facts'
import { currentRequestId } from './request-id'
import { routePatternOf } from './route-pattern'
import { applySecurityHeaders, newCspNonce } from './security-headers'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Rejects state-changing requests from other sites (Origin / Sec-Fetch-Site) with 403. */
export const csrf = createCsrfMiddleware({ filter: ({ request }) => UNSAFE_METHODS.has(request.method) })

/**
 * Request id, security headers, and one structured log line and the metrics per request (route,
 * user, status, duration: docs/decisions/0019). A page's CSP nonce travels in the global context,
 * where src/router.tsx hands it to the renderer (src/shared/csp-nonce.ts).
 */
export const requestContext = createMiddleware().server(async ({ request, next, handlerType }) => {
  const answered = startRequestTimer(request.method)
  const requestId = currentRequestId()
  // A server function answers data, never a page: no nonce to make (security-headers.ts).
  const cspNonce = handlerType === 'serverFn' ? null : newCspNonce()
  const facts: RequestFacts = {}
  const app = getAppContainer()
  let status = 500
  try {
    const result = await runWithRequestFacts(facts, () => next({ context: { cspNonce } }))
    status = result.response.status
    applySecurityHeaders(result.response.headers, app.resolve<TokenTypes[typeof CONFIG]>(CONFIG), cspNonce)
    return result
  } finally {
    const path = new URL(request.url).pathname
    // A server function's guard names its entry point; any other request, its route's pattern.
    const route =
      handlerType === 'serverFn' ? (facts.entryPoint ?? 'serverFn') : (routePatternOf(path) ?? 'unmatched')
    const durationMs = answered(route, status)
    app.resolve<TokenTypes[typeof LOGGER]>(LOGGER).info('request', {
      requestId,
      userId: facts.userId,
      method: request.method,
      route,
      path,
      status,
      durationMs: Math.round(durationMs),
    })
  }
})

/** Maps every error a server function throws to a PublicError and sets its HTTP status. */
export const errorMapping = createMiddleware({ type: 'function' }).server(async ({ next }) => {
  try {
    return await next()
  } catch (error) {
    const publicError = toPublicError(error, getAppContainer().resolve<TokenTypes[typeof LOGGER]>(LOGGER))
    setResponseStatus(publicError.status)
    setResponseHeaders(new Headers(errorHeaders(error)))
    throw publicError
  }
})
