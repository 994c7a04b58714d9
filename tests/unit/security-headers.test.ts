import { describe, expect, it } from 'vitest'
import { loadConfig } from '#config'
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  newCspNonce,
  securityHeaders,
} from '~/server/http/security-headers'

const configAt = (publicUrl: string) =>
  loadConfig({
    PUBLIC_URL: publicUrl,
    DATABASE_URL: 'postgres://pek@db:5432/pek',
    OIDC_ISSUER: 'https://auth.sch.example/oidc',
    OIDC_CLIENT_ID: 'pek',
    OIDC_CLIENT_SECRET: 'a-long-secret',
    SESSION_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
    SESSION_KEY_ID: 'k1',
  })

/** directive → sources */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe('content security policy', () => {
  const csp = directives(contentSecurityPolicy(configAt('https://pek.example'), 'abc123'))

  it('allows scripts only from our origin or with the request nonce: no inline, no eval', () => {
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc123'"])
    expect(csp['style-src']).toEqual(["'self'", "'nonce-abc123'"])
    expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'")
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'")
  })

  it('lets nothing inline run in an answer that is not a page (no nonce)', () => {
    const data = directives(contentSecurityPolicy(configAt('https://pek.example'), null))
    expect(data['script-src']).toEqual(["'self'"])
    expect(data['style-src']).toEqual(["'self'"])
    expect(data['frame-ancestors']).toEqual(["'none'"])
  })

  it('closes plugins, base rewriting and framing; forms post to us or the provider', () => {
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['form-action']).toEqual(["'self'", 'https://auth.sch.example'])
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:'])
  })
})

describe('security headers', () => {
  it('sends HSTS only when served over https', () => {
    expect(securityHeaders(configAt('https://pek.example'), 'n')['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    )
    expect(securityHeaders(configAt('http://localhost:3000'), 'n')).not.toHaveProperty(
      'strict-transport-security',
    )
  })

  it('always sends nosniff, a referrer policy and the CSP with the nonce', () => {
    const headers = securityHeaders(configAt('http://localhost:3000'), 'xyz')
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    })
    expect(headers['content-security-policy']).toContain("'nonce-xyz'")
  })

  it("adds what a response lacks and keeps a route's own stricter policy, with or without a nonce", () => {
    const config = configAt('http://localhost:3000')
    for (const nonce of [null, 'n1', null]) {
      const own = new Headers({ 'content-security-policy': "sandbox; default-src 'none'" })
      applySecurityHeaders(own, config, nonce)
      expect(own.get('content-security-policy')).toBe("sandbox; default-src 'none'")
      expect(own.get('x-content-type-options')).toBe('nosniff')
      const bare = new Headers()
      applySecurityHeaders(bare, config, nonce)
      expect(bare.get('content-security-policy')).toBe(contentSecurityPolicy(config, nonce))
    }
  })

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newCspNonce))
    expect(nonces.size).toBe(100)
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
  })
})
