// Drives the dev OpenID provider exactly the way the app will: openid-client 6 on the client side,
// fetch with a cookie jar and manual redirects standing in for the browser.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, demoFullName } from '../../src/server/auth/dev-oidc/demo-accounts'
import { type DevOidcServer, startDevOidcServer } from '../../src/server/auth/dev-oidc/server'
import { Browser, formAction, loginButtons, pickAccount } from '../support/oidc-browser'

// Never contacted: the "browser" stops as soon as it is redirected here.
const REDIRECT_URI = 'http://127.0.0.1:3999/auth/callback'
const POST_LOGOUT_URI = 'http://127.0.0.1:3999/'
const CLIENT = {
  clientId: 'pek-test',
  clientSecret: 'pek-test-secret',
  redirectUris: [REDIRECT_URI],
  postLogoutRedirectUris: [POST_LOGOUT_URI],
}
const SCOPE = 'openid profile email neptun'

async function loginRequest(config: client.Configuration, extra: Record<string, string> = {}) {
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  })
  return { url, checks: { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce } }
}

/** Authorization request → account picker → pick `fullName` → callback URL with the code. */
const logInAs = (browser: Browser, authUrl: URL, fullName: string) =>
  pickAccount(browser, authUrl, fullName, REDIRECT_URI)

let oidc: DevOidcServer
let config: client.Configuration
const discover = (secret: string) =>
  client.discovery(new URL(oidc.issuer), CLIENT.clientId, secret, undefined, {
    execute: [client.allowInsecureRequests],
  })

beforeAll(async () => {
  oidc = await startDevOidcServer({
    port: 0,
    client: CLIENT,
    onServerError: (error) => {
      throw error
    },
  })
  config = await discover(CLIENT.clientSecret)
})

afterAll(async () => {
  await oidc?.stop()
})

describe('dev OpenID provider', () => {
  it('listens on loopback and advertises an AuthSCH-like code flow with PKCE S256', () => {
    expect(oidc.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const metadata = config.serverMetadata()
    expect(metadata.issuer).toBe(oidc.issuer)
    expect(metadata.response_types_supported).toEqual(['code'])
    expect(metadata.code_challenge_methods_supported).toEqual(['S256'])
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'neptun']),
    )
    expect(metadata.end_session_endpoint).toBeDefined()
  })

  it('runs the whole authorization code + PKCE flow and issues the demo account claims', async () => {
    const browser = new Browser()
    const { url, checks } = await loginRequest(config)

    const toInteraction = await browser.request(url)
    const interactionUrl = new URL(toInteraction.headers.get('location') ?? '', url)
    expect(interactionUrl.pathname).toMatch(/^\/interaction\/[\w-]+$/)
    const html = await (await browser.request(interactionUrl)).text()
    expect(html).toContain('<html lang="hu">')
    expect(html).toContain('<title>PéK fejlesztői bejelentkezés</title>')
    expect(html).toContain('<h1>PéK fejlesztői bejelentkezés</h1>')
    expect(loginButtons(html).map((b) => b.name)).toEqual(DEMO_ACCOUNTS.map(demoFullName))
    for (const account of DEMO_ACCOUNTS) expect(html).toContain(account.role.hu)

    const anna = DEMO_ACCOUNTS[0]
    const submitted = await browser.request(formAction(html, interactionUrl.href), {
      method: 'POST',
      form: { account: anna.subject },
    })
    const callbackUrl = await browser.followTo(submitted, REDIRECT_URI)
    expect(callbackUrl.searchParams.get('code')).toBeTruthy()
    expect(callbackUrl.searchParams.get('state')).toBe(checks.expectedState)

    const tokens = await client.authorizationCodeGrant(config, callbackUrl, checks)
    expect(tokens.claims()).toMatchObject({
      iss: oidc.issuer,
      aud: CLIENT.clientId,
      nonce: checks.expectedNonce,
      sub: 'demo-anna',
      name: 'Kovács Anna',
      given_name: 'Anna',
      family_name: 'Kovács',
      email: anna.email,
      email_verified: true,
      neptun: anna.neptun,
    })
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'demo-anna')
    expect(userinfo).toMatchObject({ name: 'Kovács Anna', neptun: anna.neptun })
  })

  it('leaves the neptun claim out unless its scope is requested', async () => {
    const { url, checks } = await loginRequest(config, { scope: 'openid profile email' })
    const callbackUrl = await logInAs(new Browser(), url, 'Kiss Ferenc')
    const claims = (await client.authorizationCodeGrant(config, callbackUrl, checks)).claims()
    expect(claims).toMatchObject({ sub: 'demo-ferenc', name: 'Kiss Ferenc' })
    expect(claims).not.toHaveProperty('neptun')
  })

  it('refuses an authorization request without a PKCE challenge', async () => {
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: SCOPE,
      state: client.randomState(),
    })
    const response = await new Browser().request(url)
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.href.startsWith(REDIRECT_URI)).toBe(true)
    expect(location.searchParams.get('error')).toBe('invalid_request')
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/)
  })

  it('refuses the plain PKCE method', async () => {
    const { url } = await loginRequest(config, { code_challenge_method: 'plain' })
    const response = await new Browser().request(url)
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('invalid_request')
  })

  it('refuses a redirect_uri that is not registered exactly', async () => {
    for (const redirectUri of [`${REDIRECT_URI}/`, 'http://127.0.0.1:3999/evil', `${REDIRECT_URI}?x=1`]) {
      const { url } = await loginRequest(config, { redirect_uri: redirectUri })
      const response = await new Browser().request(url)
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
      expect(await response.text()).toContain('redirect_uri')
    }
  })

  it('answers a POST for an unknown account with 400', async () => {
    const browser = new Browser()
    const { url } = await loginRequest(config)
    const toInteraction = await browser.request(url)
    const interactionUrl = new URL(toInteraction.headers.get('location') ?? '', url)
    const response = await browser.request(interactionUrl, {
      method: 'POST',
      form: { account: 'demo-mallory' },
    })
    expect(response.status).toBe(400)
  })

  it('sends the user back with access_denied when the login is cancelled', async () => {
    const browser = new Browser()
    const { url } = await loginRequest(config)
    const toInteraction = await browser.request(url)
    const interactionUrl = new URL(toInteraction.headers.get('location') ?? '', url)
    const cancelled = await browser.request(interactionUrl, { method: 'POST', form: { abort: '1' } })
    const callbackUrl = await browser.followTo(cancelled, REDIRECT_URI)
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied')
    expect(callbackUrl.searchParams.get('code')).toBeNull()
  })

  it('fails the code exchange with a wrong client secret', async () => {
    const wrongSecret = await discover('not-the-secret')
    const { url, checks } = await loginRequest(wrongSecret)
    const callbackUrl = await logInAs(new Browser(), url, 'Nagy Bence')
    await expect(client.authorizationCodeGrant(wrongSecret, callbackUrl, checks)).rejects.toMatchObject({
      error: 'invalid_client',
    })
  })

  it('has openid-client reject a callback whose state does not match', async () => {
    const { url, checks } = await loginRequest(config)
    const callbackUrl = await logInAs(new Browser(), url, 'Szabó Csilla')
    await expect(
      client.authorizationCodeGrant(config, callbackUrl, { ...checks, expectedState: client.randomState() }),
    ).rejects.toMatchObject({
      code: 'OAUTH_INVALID_RESPONSE',
      cause: { message: expect.stringMatching(/"state"/) },
    })
  })

  it('keeps the provider session: a second login skips the picker unless prompt=login', async () => {
    const browser = new Browser()
    const first = await loginRequest(config)
    await logInAs(browser, first.url, 'Tóth Dániel')

    const second = await loginRequest(config)
    const callbackUrl = await browser.followTo(await browser.request(second.url), REDIRECT_URI)
    const claims = (await client.authorizationCodeGrant(config, callbackUrl, second.checks)).claims()
    expect(claims?.sub).toBe('demo-daniel')

    const third = await loginRequest(config, { prompt: 'login' })
    const switched = await logInAs(browser, third.url, 'Varga Eszter')
    expect((await client.authorizationCodeGrant(config, switched, third.checks)).claims()?.sub).toBe(
      'demo-eszter',
    )
  })

  it('grants a newly requested scope without a consent screen when already logged in', async () => {
    const browser = new Browser()
    const first = await loginRequest(config, { scope: 'openid profile' })
    await logInAs(browser, first.url, 'Varga Eszter')

    const wider = await loginRequest(config)
    const callbackUrl = await browser.followTo(await browser.request(wider.url), REDIRECT_URI)
    const claims = (await client.authorizationCodeGrant(config, callbackUrl, wider.checks)).claims()
    expect(claims).toMatchObject({ sub: 'demo-eszter', email: 'varga.eszter@pek.example', neptun: 'VARES5' })
  })

  it('supports RP-initiated logout back to the registered post-logout URI', async () => {
    const browser = new Browser()
    const { url, checks } = await loginRequest(config)
    const tokens = await client.authorizationCodeGrant(
      config,
      await logInAs(browser, url, 'Kovács Anna'),
      checks,
    )
    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: POST_LOGOUT_URI,
      state: 'bye',
    })
    const confirm = await browser.request(endSession)
    expect(confirm.status).toBe(200)
    const html = await confirm.text()
    const xsrf = /name="xsrf" value="([^"]*)"/.exec(html)?.[1] ?? ''
    const done = await browser.request(formAction(html, endSession.href), {
      method: 'POST',
      form: { xsrf, logout: 'yes' },
    })
    const back = await browser.followTo(done, POST_LOGOUT_URI)
    expect(back.searchParams.get('state')).toBe('bye')

    // The provider session is gone, so the next login shows the account picker again.
    const again = await loginRequest(config)
    const next = await browser.request(again.url)
    expect(new URL(next.headers.get('location') ?? '', again.url).pathname).toMatch(/^\/interaction\//)
  })
})

describe('dev OpenID provider signing keys', () => {
  it('writes a generated key to keysFile and reuses it after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pek-dev-oidc-'))
    const keysFile = join(dir, 'nested', 'keys.json')
    const publicJwks = async (issuer: string) => {
      const body: unknown = await (await fetch(`${issuer}/jwks`)).json()
      return JSON.stringify(body)
    }
    try {
      const first = await startDevOidcServer({ port: 0, client: CLIENT, keysFile })
      const firstKeys = await publicJwks(first.issuer)
      await first.stop()
      const second = await startDevOidcServer({ port: 0, client: CLIENT, keysFile })
      const secondKeys = await publicJwks(second.issuer)
      await second.stop()
      expect(secondKeys).toBe(firstKeys)
      expect(firstKeys).not.toContain('"d"')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
