// Why a login did not complete. The callback redirects to /login-error?reason=<reason>, and that page
// shows the matching auth.loginError message; both sides read this one list.
export const LOGIN_FAILURE_REASONS = [
  /** No (valid) flow cookie: too slow, interrupted, or a callback link used a second time. */
  'expired',
  /** The user cancelled at the provider. */
  'denied',
  /** state or nonce do not belong to this browser's login (a forged, stale or replayed link). */
  'mismatch',
  /** The ID token names another issuer or audience than ours. */
  'untrusted',
  /** The account is disabled. */
  'disabled',
  /** The provider cannot be reached. */
  'unavailable',
  /** Anything else; the log has the details. */
  'failed',
] as const

export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number]
