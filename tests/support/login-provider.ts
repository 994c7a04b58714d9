// The local OpenID provider (src/server/auth/dev-oidc) for the in-process login tests: its client is
// the test app's, so the app's login endpoints (src/server/auth/login.server.ts) run against it; and
// how such a login's failure reaches the browser.
import { expect } from 'vitest'
import type { DemoAccount } from '~/server/auth/dev-oidc/demo-accounts'
import { type DevOidcServer, startDevOidcServer } from '~/server/auth/dev-oidc/server'
import type { TestApp } from './app'

/** The provider on a free port, knowing `accounts`; an error inside it fails the test. */
export function startProviderFor(t: TestApp, accounts: readonly DemoAccount[]): Promise<DevOidcServer> {
  return startDevOidcServer({
    port: 0,
    accounts,
    client: {
      clientId: t.config.oidc.clientId,
      clientSecret: t.config.oidc.clientSecret,
      redirectUris: [t.config.oidc.redirectUri],
    },
    onServerError: (error) => {
      throw error
    },
  })
}

/** The reason of a redirect to the login error page; fails on anything else (a 500 included). */
export function loginErrorReason(response: Response): string | null {
  expect(response.status).toBe(302)
  const location = new URL(response.headers.get('location') ?? '', 'http://localhost')
  expect(location.pathname).toBe('/login-error')
  return location.searchParams.get('reason')
}
