// The security headers every response carries (docs/decisions/0006-login-and-sessions.md, "CSP").
// Scripts run only from our origin or with this request's nonce: TanStack Start stamps the nonce on
// its inline hydration scripts and on React's streaming scripts (router option `ssr.nonce`, set in
// src/router.tsx from the request middleware's context), so no 'unsafe-inline' is needed. An answer
// that is not a page (a server function's data) needs no nonce: its policy lets nothing inline run,
// and being the same for every such answer it is built once (issue 8: 2% of the group page's CPU).
import { randomBytes } from 'node:crypto'
import type { AppConfig } from '#config'

/** 128 random bits per request; never reused, so a page's nonce tells an attacker nothing. */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64')
}

/** `nonce` null: an answer that is not a page, whose policy allows no inline script or style. */
export function contentSecurityPolicy(config: AppConfig, nonce: string | null): string {
  const inline = nonce === null ? [] : [`'nonce-${nonce}'`]
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inline],
    'style-src': ["'self'", ...inline],
    // Avatars and photo previews (data:, blob: while cropping in the browser).
    'img-src': ["'self'", 'data:', 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    // Our own forms (logout) post to ourselves; the provider's origin leaves room for a logout that
    // continues at the provider (form-action also covers the redirects after a submit).
    'form-action': ["'self'", new URL(config.oidc.issuer).origin],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

export function securityHeaders(config: AppConfig, nonce: string | null): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(config, nonce),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    // Only when served over https: on http:// browsers ignore it, and it would pin localhost.
    ...(config.secureCookies ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

const withoutNonce = new WeakMap<AppConfig, readonly [string, string][]>()

function headersWithoutNonce(config: AppConfig): readonly [string, string][] {
  let headers = withoutNonce.get(config)
  if (!headers) {
    headers = Object.entries(securityHeaders(config, null))
    withoutNonce.set(config, headers)
  }
  return headers
}

/**
 * Adds the headers a response does not set itself (a route may send a stricter policy of its own);
 * `nonce` null for an answer that is not a page.
 */
export function applySecurityHeaders(headers: Headers, config: AppConfig, nonce: string | null): void {
  const all = nonce === null ? headersWithoutNonce(config) : Object.entries(securityHeaders(config, nonce))
  for (const [name, value] of all) {
    if (!headers.has(name)) headers.set(name, value)
  }
}
