// The login endpoints in-process (Request → Response) against the real local provider: every way a
// callback can be wrong ends on /login-error with its reason, never in a 500 and never in a session.
// Wrong issuer and audience come from a minimal provider whose ID tokens the test chooses.
import { randomUUID } from 'node:crypto'
import { decodeJwt } from 'jose'
import * as oidc from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountAccessService } from '~/domains/session/account-access.service'
import { authenticate } from '~/server/auth/access'
import { DEMO_ACCOUNTS, type DemoAccount, demoFullName } from '~/server/auth/dev-oidc/demo-accounts'
import type { DevOidcServer } from '~/server/auth/dev-oidc/server'
import { beginLogin, completeLogin } from '~/server/auth/login.server'
import { loginFailureOf } from '~/server/auth/login-failure'
import { exchangeCode } from '~/server/auth/oidc.server'
import { sessionCookieName } from '~/server/auth/session-token'
import { createTestApp, reconfigured, type TestApp } from '../support/app'
import { type FakeOidcServer, startFakeOidcServer } from '../support/fake-oidc'
import { loginErrorReason, startProviderFor } from '../support/login-provider'
import { Browser, formAction, pickAccount } from '../support/oidc-browser'

const t = createTestApp()
const ORIGIN = t.config.publicUrl.origin
const REDIRECT_URI = t.config.oidc.redirectUri
const SESSION_COOKIE = sessionCookieName(false)
const FLOW_COOKIE = 'pek_login'

// Accounts of this file only: the test database is shared, and one of them gets disabled.
const run = randomUUID().slice(0, 8)
const account = (base: DemoAccount, i: number): DemoAccount => ({
  ...base,
  subject: `callback-${run}-${i}`,
  givenName: `${base.givenName} ${run}`,
})
const ACCOUNTS = [
  account(DEMO_ACCOUNTS[0], 0),
  account(DEMO_ACCOUNTS[1], 1),
  account(DEMO_ACCOUNTS[2], 2),
] as const
const [anna, bence, csilla] = ACCOUNTS

let provider: DevOidcServer
let fake: FakeOidcServer
let real: TestApp
let faked: TestApp

beforeAll(async () => {
  provider = await startProviderFor(t, ACCOUNTS)
  fake = await startFakeOidcServer()
  real = reconfigured(t, { OIDC_ISSUER: provider.issuer })
  faked = reconfigured(t, { OIDC_ISSUER: fake.issuer })
})
afterAll(async () => {
  await provider?.stop()
  await fake?.stop()
  await t.close()
})

/** The app's side of the browser: its cookies, and the login endpoints called in-process. */
class AppBrowser extends Browser {
  constructor(private readonly app: TestApp) {
    super()
  }

  /** GET /auth/login → the provider's authorization URL (the flow cookie is kept). */
  async startLogin(returnTo = '/groups'): Promise<URL> {
    const response = await beginLogin(new Request(`${ORIGIN}/auth/login?returnTo=${returnTo}`), this.app.app)
    expect(response.status).toBe(302)
    this.absorb(response)
    return new URL(response.headers.get('location') ?? '')
  }

  async callback(url: URL): Promise<Response> {
    const response = await completeLogin(
      new Request(url, { headers: { cookie: this.cookieHeader() } }),
      this.app.app,
    )
    this.absorb(response)
    return response
  }
}

/** Logs in at the real provider (its own cookie jar) and returns the callback URL it sends back. */
const atProvider = (authUrl: URL, who: DemoAccount, providerBrowser = new Browser()) =>
  pickAccount(providerBrowser, authUrl, demoFullName(who), REDIRECT_URI)

const sessionsOf = async (subject: string) =>
  t.db.session.count({ where: { realmId: 'hub', user: { subject } } })

async function loginFails(response: Response, browser: AppBrowser, subject: string, before: number) {
  const reason = loginErrorReason(response)
  expect(browser.cookie(SESSION_COOKIE), 'no session cookie').toBeUndefined()
  expect(browser.cookie(FLOW_COOKIE), 'the flow cookie is gone').toBeUndefined()
  expect(await sessionsOf(subject), 'no session row').toBe(before)
  return reason
}

describe('the login callback against the real provider', () => {
  it('logs in: a session cookie for the user, back to returnTo, the flow cookie cleared', async () => {
    const browser = new AppBrowser(real)
    const authUrl = await browser.startLogin('/groups/10')
    expect(browser.cookie(FLOW_COOKIE)).toBeDefined()
    const response = await browser.callback(await atProvider(authUrl, anna))
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/groups/10')
    expect(browser.cookie(FLOW_COOKIE)).toBeUndefined()
    const token = browser.cookie(SESSION_COOKIE) ?? ''
    const { actor } = await authenticate(real.app, token)
    const user = await t.db.user.findUniqueOrThrow({
      where: { realmId_subject: { realmId: 'hub', subject: anna.subject } },
    })
    expect(actor).toMatchObject({ kind: 'user', userId: user.id })
  })

  it('refuses a replayed callback, with or without the (single-use) flow cookie', async () => {
    const browser = new AppBrowser(real)
    const authUrl = await browser.startLogin()
    const flowCookie = browser.cookie(FLOW_COOKIE) ?? ''
    const callbackUrl = await atProvider(authUrl, bence)
    expect((await browser.callback(callbackUrl)).status).toBe(302)
    const sessions = await sessionsOf(bence.subject)

    // The same browser again: the flow cookie was deleted by the first callback.
    const again = new AppBrowser(real)
    expect(await loginFails(await again.callback(callbackUrl), again, bence.subject, sessions)).toBe(
      'expired',
    )

    // An attacker who copied the flow cookie too: the provider has consumed the code.
    const copier = new AppBrowser(real)
    copier.absorb(new Response(null, { headers: { 'set-cookie': `${FLOW_COOKIE}=${flowCookie}` } }))
    expect(await loginFails(await copier.callback(callbackUrl), copier, bence.subject, sessions)).toBe(
      'expired',
    )
  })

  it('refuses a callback without any login flow', async () => {
    const browser = new AppBrowser(real)
    const url = new URL(`${REDIRECT_URI}?code=made-up&state=made-up`)
    expect(
      await loginFails(await browser.callback(url), browser, anna.subject, await sessionsOf(anna.subject)),
    ).toBe('expired')
  })

  it('refuses a state that is not this browser’s (a login started in another tab, a forged link)', async () => {
    const browser = new AppBrowser(real)
    const firstTab = await browser.startLogin()
    await browser.startLogin() // the second tab's flow replaces the first's cookie
    const callbackUrl = await atProvider(firstTab, csilla)
    const before = await sessionsOf(csilla.subject)
    expect(await loginFails(await browser.callback(callbackUrl), browser, csilla.subject, before)).toBe(
      'mismatch',
    )

    const forged = new AppBrowser(real)
    const own = await forged.startLogin()
    const url = await atProvider(own, csilla)
    url.searchParams.set('state', oidc.randomState())
    expect(await loginFails(await forged.callback(url), forged, csilla.subject, before)).toBe('mismatch')
  })

  it('refuses an ID token whose nonce is not the one this login asked for', async () => {
    const browser = new AppBrowser(real)
    const authUrl = await browser.startLogin()
    // The authorization request was tampered with on its way to the provider.
    authUrl.searchParams.set('nonce', oidc.randomNonce())
    const before = await sessionsOf(anna.subject)
    const response = await browser.callback(await atProvider(authUrl, anna))
    expect(await loginFails(response, browser, anna.subject, before)).toBe('mismatch')
  })

  it('refuses an iss response parameter naming another issuer', async () => {
    const browser = new AppBrowser(real)
    const url = await atProvider(await browser.startLogin(), anna)
    url.searchParams.set('iss', 'https://evil.example')
    expect(
      await loginFails(await browser.callback(url), browser, anna.subject, await sessionsOf(anna.subject)),
    ).toBe('untrusted')
  })

  it('says "denied" when the user cancels at the provider', async () => {
    const browser = new AppBrowser(real)
    const providerBrowser = new Browser()
    const toInteraction = await providerBrowser.request(await browser.startLogin())
    const interactionUrl = new URL(toInteraction.headers.get('location') ?? '', provider.issuer)
    const html = await (await providerBrowser.request(interactionUrl)).text()
    const cancelled = await providerBrowser.request(formAction(html, interactionUrl.href), {
      method: 'POST',
      form: { abort: '1' },
    })
    const url = await providerBrowser.followTo(cancelled, REDIRECT_URI)
    expect(url.searchParams.get('error')).toBe('access_denied')
    expect(loginErrorReason(await browser.callback(url))).toBe('denied')
  })

  it('refuses a disabled account at the callback, after the provider said yes', async () => {
    const user = await t.db.user.findUniqueOrThrow({
      where: { realmId_subject: { realmId: 'hub', subject: anna.subject } },
    })
    await real.app.resolve(AccountAccessService).disable(user.id)
    try {
      const browser = new AppBrowser(real)
      const before = await sessionsOf(anna.subject)
      const response = await browser.callback(await atProvider(await browser.startLogin(), anna))
      expect(await loginFails(response, browser, anna.subject, before)).toBe('disabled')
    } finally {
      await real.app.resolve(AccountAccessService).enable(user.id)
    }
  })

  it('sends the user to a clear page when the provider cannot be reached', async () => {
    const down = reconfigured(t, { OIDC_ISSUER: 'http://127.0.0.1:9' })
    const response = await beginLogin(new Request(`${ORIGIN}/auth/login`), down.app)
    expect(loginErrorReason(response)).toBe('unavailable')
  })
})

describe('exchangeCode and the failure mapping', () => {
  it('names nonce, state and iss as the failed check', async () => {
    const browser = new AppBrowser(real)
    const authUrl = await browser.startLogin()
    const flow = decodeJwt(browser.cookie(FLOW_COOKIE) ?? '')
    const checks = {
      codeVerifier: String(flow.codeVerifier),
      state: String(flow.state),
      nonce: String(flow.nonce),
    }
    const callbackUrl = await atProvider(authUrl, bence)
    const failure = (search: URLSearchParams, c = checks) =>
      exchangeCode(real.config.oidc, search, c).then(
        () => null,
        (error: unknown) => loginFailureOf(error),
      )

    const wrongState = new URLSearchParams(callbackUrl.search)
    wrongState.set('state', 'other')
    expect(await failure(wrongState)).toMatchObject({ reason: 'mismatch', check: 'state' })
    const wrongIss = new URLSearchParams(callbackUrl.search)
    wrongIss.set('iss', 'https://evil.example')
    expect(await failure(wrongIss)).toMatchObject({ reason: 'untrusted', check: 'iss' })
    // Neither reached the provider, so the code is still good: now with a wrong nonce.
    expect(await failure(callbackUrl.searchParams, { ...checks, nonce: oidc.randomNonce() })).toMatchObject({
      reason: 'mismatch',
      check: 'nonce',
    })
    // That spent the code: the correct checks now meet a used code.
    expect(await failure(callbackUrl.searchParams)).toMatchObject({ reason: 'expired', check: 'code' })
  })
})

describe('the login callback against a provider with chosen ID tokens', () => {
  /** Starts a login at the fake provider and answers the callback with an ID token carrying `claims`. */
  async function callbackWith(
    claims: (expected: {
      nonce: string
      aud: string
    }) => Partial<{ iss: string; aud: string | string[]; nonce: string }>,
  ) {
    const browser = new AppBrowser(faked)
    const authUrl = await browser.startLogin()
    const expected = { nonce: authUrl.searchParams.get('nonce') ?? '', aud: faked.config.oidc.clientId }
    const subject = `fake-${randomUUID()}`
    fake.nextIdToken({
      iss: fake.issuer,
      aud: expected.aud,
      nonce: expected.nonce,
      sub: subject,
      ...claims(expected),
    })
    const url = new URL(REDIRECT_URI)
    url.searchParams.set('code', 'fake-code')
    url.searchParams.set('state', authUrl.searchParams.get('state') ?? '')
    return { browser, subject, response: await browser.callback(url) }
  }

  it('logs in with a token that is right in every respect (the control)', async () => {
    const { browser, response } = await callbackWith(() => ({}))
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/groups')
    expect((await authenticate(faked.app, browser.cookie(SESSION_COOKIE) ?? '')).actor.kind).toBe('user')
  })

  it.each([
    ['another issuer', () => ({ iss: 'https://evil.example' }), 'untrusted'],
    ['another audience', () => ({ aud: 'someone-else' }), 'untrusted'],
    [
      'an extra audience without azp',
      (e: { aud: string }) => ({ aud: [e.aud, 'someone-else'] }),
      'untrusted',
    ],
    ['another nonce', () => ({ nonce: oidc.randomNonce() }), 'mismatch'],
  ] as const)('refuses an ID token with %s', async (_what, claims, reason) => {
    const { browser, subject, response } = await callbackWith(claims)
    expect(await loginFails(response, browser, subject, 0)).toBe(reason)
  })
})
