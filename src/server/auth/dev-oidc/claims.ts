// The claims the dev provider issues, shaped like AuthSCH's. The app's login callback reads the same
// names through OIDC_CLAIMS, so the two sides cannot drift apart silently.
import { type DemoAccount, demoFullName } from './demo-accounts'

/** Claim names the app reads from the ID token / userinfo. */
export const OIDC_CLAIMS = {
  subject: 'sub',
  name: 'name',
  givenName: 'given_name',
  familyName: 'family_name',
  email: 'email',
  emailVerified: 'email_verified',
  neptun: 'neptun',
} as const

export type OidcClaimName = (typeof OIDC_CLAIMS)[keyof typeof OIDC_CLAIMS]

/**
 * Which scope releases which claims. The Neptun code gets its own optional `neptun` scope (not part of
 * `profile`) because AuthSCH treats it as separately consented data: an app that does not ask for it
 * must work without it.
 */
export const OIDC_SCOPE_CLAIMS = {
  openid: [OIDC_CLAIMS.subject],
  profile: [OIDC_CLAIMS.name, OIDC_CLAIMS.givenName, OIDC_CLAIMS.familyName],
  email: [OIDC_CLAIMS.email, OIDC_CLAIMS.emailVerified],
  neptun: [OIDC_CLAIMS.neptun],
} as const satisfies Record<string, readonly OidcClaimName[]>

export type OidcScope = keyof typeof OIDC_SCOPE_CLAIMS

export type DemoAccountClaims = Record<Exclude<OidcClaimName, 'email_verified'>, string> & {
  email_verified: boolean
}

/** Every claim of the account; the provider filters them down to the granted scopes. */
export function claimsFor(account: DemoAccount): DemoAccountClaims {
  return {
    sub: account.subject,
    name: demoFullName(account),
    given_name: account.givenName,
    family_name: account.familyName,
    email: account.email,
    email_verified: true,
    neptun: account.neptun,
  }
}
