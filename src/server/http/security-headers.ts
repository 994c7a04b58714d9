// The security headers every response carries (docs/decisions/0006-login-and-sessions.md, "CSP").
// Scripts run only from our origin or with this request's nonce: TanStack Start stamps the nonce on
// its inline hydration scripts and on React's streaming scripts (router option `ssr.nonce`, set in
// src/router.tsx from the request middleware's context), so no 'unsafe-inline' is needed.
import { randomBytes } from 'node:crypto'
import type { AppConfig } from '#config'

/** 128 random bits per request; never reused, so a page's nonce tells an attacker nothing. */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64')
}

export function contentSecurityPolicy(config: AppConfig, nonce: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`],
    'style-src': ["'self'", `'nonce-${nonce}'`],
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

export function securityHeaders(config: AppConfig, nonce: string): Record<string, string> {
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

/** Adds the headers a response does not set itself (a route may send a stricter policy of its own). */
export function applySecurityHeaders(headers: Headers, config: AppConfig, nonce: string): void {
  for (const [name, value] of Object.entries(securityHeaders(config, nonce))) {
    if (!headers.has(name)) headers.set(name, value)
  }
}
