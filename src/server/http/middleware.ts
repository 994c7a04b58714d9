// Global middleware, installed in src/start.ts.
import { createCsrfMiddleware, createMiddleware } from '@tanstack/react-start'
import { setResponseStatus } from '@tanstack/react-start/server'
import { getAppContainer } from '../di/app-container'
import { CONFIG, LOGGER, type TokenTypes } from '../di/tokens'
import { toPublicError } from './error-mapping'
import { currentRequestId } from './request-id'
import { applySecurityHeaders, newCspNonce } from './security-headers'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Rejects state-changing requests from other sites (Origin / Sec-Fetch-Site) with 403. */
export const csrf = createCsrfMiddleware({ filter: ({ request }) => UNSAFE_METHODS.has(request.method) })

/**
 * Request id, security headers and one structured log line per request. The CSP nonce travels in
 * the global context, where src/router.tsx hands it to the renderer (src/shared/csp-nonce.ts).
 */
export const requestContext = createMiddleware().server(async ({ request, next }) => {
  const started = performance.now()
  const requestId = currentRequestId()
  const cspNonce = newCspNonce()
  const result = await next({ context: { cspNonce } })
  const app = getAppContainer()
  applySecurityHeaders(result.response.headers, app.resolve<TokenTypes[typeof CONFIG]>(CONFIG), cspNonce)
  const log = app.resolve<TokenTypes[typeof LOGGER]>(LOGGER)
  log.info('request', {
    requestId,
    method: request.method,
    path: new URL(request.url).pathname,
    status: result.response.status,
    durationMs: Math.round(performance.now() - started),
  })
  return result
})

/** Maps every error a server function throws to a PublicError and sets its HTTP status. */
export const errorMapping = createMiddleware({ type: 'function' }).server(async ({ next }) => {
  try {
    return await next()
  } catch (error) {
    const publicError = toPublicError(error, getAppContainer().resolve<TokenTypes[typeof LOGGER]>(LOGGER))
    setResponseStatus(publicError.status)
    throw publicError
  }
})
