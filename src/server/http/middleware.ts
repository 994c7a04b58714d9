// Global middleware, installed in src/start.ts.
import { createCsrfMiddleware, createMiddleware } from '@tanstack/react-start'
import { setResponseStatus } from '@tanstack/react-start/server'
import { getAppContainer } from '../di/app-container'
import { LOGGER, type TokenTypes } from '../di/tokens'
import { toPublicError } from './error-mapping'
import { currentRequestId } from './request-id'

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Rejects state-changing requests from other sites (Origin / Sec-Fetch-Site) with 403. */
export const csrf = createCsrfMiddleware({ filter: ({ request }) => UNSAFE_METHODS.has(request.method) })

/** Request id, security headers and one structured log line per request. */
export const requestContext = createMiddleware().server(async ({ request, next }) => {
  const started = performance.now()
  const requestId = currentRequestId()
  const result = await next()
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!result.response.headers.has(name)) result.response.headers.set(name, value)
  }
  const log = getAppContainer().resolve<TokenTypes[typeof LOGGER]>(LOGGER)
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
