// Maps whatever stopped a login to a reason the error page can explain. Decided on error classes
// and the structured codes openid-client / oauth4webapi attach (never on message text).
import * as oidc from 'openid-client'
import { AccountDisabledError } from '~/domains/session/session.errors'
import type { LoginFailureReason } from '~/shared/login-failure-reason'

export class LoginFailure extends Error {
  constructor(
    readonly reason: LoginFailureReason,
    /** Which check failed (state, nonce, iss, aud, …): for the log and the tests, not for the user. */
    readonly check: string,
    options?: ErrorOptions,
  ) {
    super(`login failed: ${reason} (${check})`, options)
    this.name = 'LoginFailure'
  }
}

const CLAIM_REASONS: Record<string, LoginFailureReason> = {
  nonce: 'mismatch',
  iss: 'untrusted',
  aud: 'untrusted',
  azp: 'untrusted',
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** The claim oauth4webapi names when an ID token claim comparison fails (ClientError → cause → cause.claim). */
function comparedClaim(error: oidc.ClientError): string | undefined {
  const processing = error.cause
  const details = processing instanceof Error ? processing.cause : undefined
  return isRecord(details) && typeof details.claim === 'string' ? details.claim : undefined
}

export function loginFailureOf(error: unknown): LoginFailure {
  if (error instanceof LoginFailure) return error
  if (error instanceof AccountDisabledError) return new LoginFailure('disabled', 'account', { cause: error })
  if (error instanceof oidc.AuthorizationResponseError) {
    return new LoginFailure(error.error === 'access_denied' ? 'denied' : 'failed', error.error, {
      cause: error,
    })
  }
  // The code was used already (a replayed callback) or has expired at the provider.
  if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
    return new LoginFailure('expired', 'code', { cause: error })
  }
  if (error instanceof oidc.ClientError && error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    const claim = comparedClaim(error) ?? 'claim'
    return new LoginFailure(CLAIM_REASONS[claim] ?? 'failed', claim, { cause: error })
  }
  // The provider took longer than OIDC_TIMEOUT_SECONDS to answer (token endpoint, keys).
  if (error instanceof oidc.ClientError && error.code === 'OAUTH_TIMEOUT') {
    return new LoginFailure('unavailable', 'timeout', { cause: error })
  }
  if (error instanceof oidc.ClientError && error.code === 'OAUTH_KEY_SELECTION_FAILED') {
    return new LoginFailure('untrusted', 'signing-key', { cause: error })
  }
  return new LoginFailure('failed', 'unexpected', { cause: error })
}
