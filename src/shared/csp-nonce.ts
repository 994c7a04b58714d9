import { getGlobalStartContext } from '@tanstack/react-start'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/**
 * The CSP nonce of the request being rendered (made by src/server/http/middleware.ts), for the
 * router's `ssr.nonce`. Undefined in the browser, where the router reads it from the page itself.
 */
export function requestCspNonce(): string | undefined {
  try {
    const context: unknown = getGlobalStartContext()
    return isRecord(context) && typeof context.cspNonce === 'string' ? context.cspNonce : undefined
  } catch {
    // A router built outside a request's global context (no middleware ran): nothing to stamp.
    return undefined
  }
}
