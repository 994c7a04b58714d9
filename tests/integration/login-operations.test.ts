// The login under operational stress, in-process against real providers: its log lines carry no
// secret, too many attempts from one address get a 429 with Retry-After, and a provider that never
// answers ends the login on the error page after OIDC_TIMEOUT_SECONDS instead of hanging
// (docs/decisions/0019). The request log lines of the built server: tests/e2e/operations.spec.ts.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, demoFullName } from '~/server/auth/dev-oidc/demo-accounts'
import type { DevOidcServer } from '~/server/auth/dev-oidc/server'
import { beginLogin, completeLogin } from '~/server/auth/login.server'
import { sessionCookieName } from '~/server/auth/session-token'
import { LOGGER } from '~/server/di/tokens'
import { createLogger } from '~/server/logger'
import { createTestApp, reconfigured, type TestApp } from '../support/app'
import { loginErrorReason, startProviderFor } from '../support/login-provider'
import { Browser, pickAccount } from '../support/oidc-browser'

const t = createTestApp()
const ORIGIN = t.config.publicUrl.origin
const REDIRECT_URI = t.config.oidc.redirectUri
const account = { ...DEMO_ACCOUNTS[0], subject: `operations-${Date.now()}` }

let provider: DevOidcServer
const silentServers: Server[] = []

beforeAll(async () => {
  provider = await startProviderFor(t, [account])
})
afterAll(async () => {
  for (const server of silentServers) {
    server.closeAllConnections()
    server.close()
  }
  await provider?.stop()
  await t.close()
})

/** A test app over the same database whose log lines the test reads. */
function capturingApp(overrides: Record<string, string>): { app: TestApp; lines: string[] } {
  const app = reconfigured(t, overrides)
  const lines: string[] = []
  app.app.register(LOGGER, { useValue: createLogger('debug', { realm: 'hub' }, (line) => lines.push(line)) })
  return { app, lines }
}

const loginRequest = (headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/auth/login?returnTo=/groups`, { headers })

/**
 * An issuer whose discovery document is real but whose other endpoints accept the connection and
 * never answer; with `discovery: false` nothing answers at all.
 */
async function stalledIssuer(options: { discovery: boolean }): Promise<string> {
  let issuer = ''
  const server = createServer((req, res) => {
    if (options.discovery && req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      )
    }
    // Anything else: read, never answered.
  })
  silentServers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return issuer
}

describe('the login’s log lines', () => {
  it('name the user and the failure, never a token, code, state or secret', async () => {
    const { app, lines } = capturingApp({ OIDC_ISSUER: provider.issuer })
    const browser = new Browser()
    const started = await beginLogin(loginRequest(), app.app)
    browser.absorb(started)
    const authUrl = new URL(started.headers.get('location') ?? '')
    const callbackUrl = await pickAccount(new Browser(), authUrl, demoFullName(account), REDIRECT_URI)
    const flowCookie = browser.cookie('pek_login') ?? ''
    const done = await completeLogin(
      new Request(callbackUrl, { headers: { cookie: browser.cookieHeader() } }),
      app.app,
    )
    browser.absorb(done)
    const sessionToken = browser.cookie(sessionCookieName(false)) ?? ''
    expect(sessionToken).not.toBe('')
    // The same callback again, with the copied flow cookie: the provider refuses the spent code,
    // and the failure (openid-client's error) is logged.
    const replay = await completeLogin(
      new Request(callbackUrl, { headers: { cookie: `pek_login=${flowCookie}` } }),
      app.app,
    )
    expect(loginErrorReason(replay)).toBe('expired')

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    const user = await t.db.user.findUniqueOrThrow({
      where: { realmId_subject: { realmId: 'hub', subject: account.subject } },
    })
    expect(records).toContainEqual(expect.objectContaining({ msg: 'login', userId: user.id, realm: 'hub' }))
    expect(records).toContainEqual(expect.objectContaining({ msg: 'login failed', reason: 'expired' }))

    const secrets = {
      sessionToken,
      flowCookie,
      code: callbackUrl.searchParams.get('code') ?? '',
      state: callbackUrl.searchParams.get('state') ?? '',
      nonce: authUrl.searchParams.get('nonce') ?? '',
      codeChallenge: authUrl.searchParams.get('code_challenge') ?? '',
      clientSecret: app.config.oidc.clientSecret,
      signingKey: app.config.session.signingKeyPem.split('\n')[1] ?? '',
    }
    const text = lines.join('')
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(8)
      expect(text.includes(secret), `the log contains the ${name}`).toBe(false)
    }
  })
})

describe('the login’s rate limit', () => {
  it('answers 429 with Retry-After in the visitor’s language once an address has used its allowance', async () => {
    const { app } = capturingApp({ OIDC_ISSUER: provider.issuer, RATE_LIMIT_LOGIN_PER_MINUTE: '2' })
    expect((await beginLogin(loginRequest(), app.app)).status).toBe(302)
    expect((await beginLogin(loginRequest(), app.app)).status).toBe(302)

    const refused = await beginLogin(loginRequest(), app.app)
    expect(refused.status).toBe(429)
    // Two a minute: the next one in 30 s.
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(await refused.text()).toBe(
      'Túl sok bejelentkezési kísérlet érkezett erről a címről. Próbáld újra 30 másodperc múlva!',
    )
    // The callback counts too, before anything is exchanged.
    const callback = await completeLogin(
      new Request(`${REDIRECT_URI}?code=x&state=y`, { headers: { cookie: 'pek-locale=en' } }),
      app.app,
    )
    expect(callback.status).toBe(429)
    expect(await callback.text()).toBe('Too many login attempts from this address. Try again in 30 seconds.')
  })
})

describe('outbound timeouts', () => {
  it('ends the login on the error page when the provider accepts the connection and never answers', async () => {
    const { app, lines } = capturingApp({
      OIDC_ISSUER: await stalledIssuer({ discovery: false }),
      OIDC_TIMEOUT_SECONDS: '1',
    })
    const started = Date.now()
    expect(loginErrorReason(await beginLogin(loginRequest(), app.app))).toBe('unavailable')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(lines.some((line) => line.includes('login start failed'))).toBe(true)
  })

  it('ends the callback on the error page when the token endpoint never answers', async () => {
    const { app } = capturingApp({
      OIDC_ISSUER: await stalledIssuer({ discovery: true }),
      OIDC_TIMEOUT_SECONDS: '1',
    })
    const browser = new Browser()
    const begun = await beginLogin(loginRequest(), app.app)
    browser.absorb(begun)
    const state = new URL(begun.headers.get('location') ?? '').searchParams.get('state') ?? ''
    const started = Date.now()
    const callback = await completeLogin(
      new Request(`${REDIRECT_URI}?code=some-code&state=${state}`, {
        headers: { cookie: browser.cookieHeader() },
      }),
      app.app,
    )
    expect(loginErrorReason(callback)).toBe('unavailable')
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
