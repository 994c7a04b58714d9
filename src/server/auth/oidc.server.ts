// The OpenID Connect relying party (AuthSCH in production, the local dev provider otherwise):
// authorization code flow with PKCE S256, state and nonce, exact redirect URI.
import * as oidc from 'openid-client'
import type { AppConfig } from '#config'
import { isLoopbackUrl } from '#config'
import type { LoginClaims } from '~/domains/user/user.schema'
import { LoginFailure } from './login-failure'

export interface LoginChecks {
  codeVerifier: string
  state: string
  nonce: string
}

let discovered: { key: AppConfig['oidc']; config: Promise<oidc.Configuration> } | undefined

/** Discovery is cached per process; a failed discovery is retried on the next login. */
function configuration(settings: AppConfig['oidc']): Promise<oidc.Configuration> {
  if (discovered?.key !== settings) {
    // http:// issuers are refused by openid-client; app.config.ts only lets a loopback one through.
    const insecure = settings.allowInsecure && isLoopbackUrl(settings.issuer)
    const config = oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        // Kept by the configuration for every later call too (token endpoint, keys).
        timeout: settings.timeoutSeconds,
      })
      .catch((error: unknown) => {
        discovered = undefined
        throw error
      })
    discovered = { key: settings, config }
  }
  return discovered.config
}

export async function authorizationUrl(
  settings: AppConfig['oidc'],
): Promise<{ url: URL; checks: LoginChecks }> {
  const config = await configuration(settings)
  const checks = {
    codeVerifier: oidc.randomPKCECodeVerifier(),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
  }
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
  })
  return { url, checks }
}

/**
 * Exchanges the callback's code; throws when state, nonce, PKCE, the issuer or the ID token do not
 * check out (src/server/auth/login-failure.ts maps each to a reason).
 */
export async function exchangeCode(
  settings: AppConfig['oidc'],
  callbackSearch: URLSearchParams,
  checks: LoginChecks,
): Promise<LoginClaims> {
  const config = await configuration(settings)
  // openid-client checks these too, but only with a message to tell them apart. Checked first, so a
  // callback that is not the answer to this browser's own request never reaches the token endpoint.
  if (callbackSearch.get('state') !== checks.state) throw new LoginFailure('mismatch', 'state')
  const issuer = callbackSearch.get('iss')
  if (issuer !== null && issuer !== config.serverMetadata().issuer) throw new LoginFailure('untrusted', 'iss')
  const currentUrl = new URL(settings.redirectUri)
  currentUrl.search = callbackSearch.toString()
  const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  })
  const claims = tokens.claims()
  if (!claims) throw new Error('the provider returned no ID token')
  return toLoginClaims(claims)
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null

/** AuthSCH claims → our login claims. Missing optional claims become null, never a guess. */
export function toLoginClaims(claims: oidc.IDToken): LoginClaims {
  const givenName = text(claims.given_name) ?? ''
  const familyName = text(claims.family_name) ?? ''
  const neptun = text(claims.neptun)?.toUpperCase() ?? null
  return {
    subject: claims.sub,
    displayName: text(claims.name) ?? (`${familyName} ${givenName}`.trim() || claims.sub),
    givenName,
    familyName,
    email: text(claims.email),
    neptun: neptun && /^[A-Z0-9]{6}$/.test(neptun) ? neptun : null,
  }
}
