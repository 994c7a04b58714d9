// The access decision shared by both transports (server functions and tRPC): authenticate
// the session token, then ask the PolicyResolver.
import type { DependencyContainer } from 'tsyringe'
import type { AppConfig } from '#config'
import { SessionService } from '~/domains/session/session.service'
import { CLOCK, CONFIG, POLICY_RESOLVER, type TokenTypes } from '../di/tokens'
import { ForbiddenError, UnauthenticatedError } from '../errors'
import { type Actor, ANONYMOUS } from './actor'
import type { Reveal } from './entry-point'
import type { Scope, Target } from './scopes'
import { loadSessionKeys, type SessionKeys } from './session-token'
import { verifiedClaims } from './verified-tokens'

const keysByConfig = new WeakMap<AppConfig, Promise<SessionKeys>>()

export function sessionKeysFor(config: AppConfig): Promise<SessionKeys> {
  let keys = keysByConfig.get(config)
  if (!keys) {
    keys = loadSessionKeys(config.session)
    keysByConfig.set(config, keys)
  }
  return keys
}

export function sessionIssuer(config: AppConfig): string {
  return config.publicUrl.origin
}

export interface Authenticated {
  actor: Actor
  /** The token was presented but serves no session: the caller clears the cookie. */
  rejectedToken: boolean
  /** The realm's policy version, read with the session (undefined when no session was looked up): for `decide`. */
  policyVersion?: number
}

/**
 * Who presents this token. A missing, invalid or expired token, and one whose session was revoked,
 * went idle or belongs to a disabled account, yields the anonymous actor.
 */
export async function authenticate(
  app: DependencyContainer,
  token: string | undefined,
): Promise<Authenticated> {
  if (!token) return { actor: ANONYMOUS, rejectedToken: false }
  const config = app.resolve<TokenTypes[typeof CONFIG]>(CONFIG)
  const now = app.resolve<TokenTypes[typeof CLOCK]>(CLOCK).now()
  const keys = await sessionKeysFor(config)
  const claims = await verifiedClaims(keys, sessionIssuer(config), token, now)
  if (!claims || claims.realmId !== config.realmId) return { actor: ANONYMOUS, rejectedToken: true }
  const { live, policyVersion } = await app
    .resolve(SessionService)
    .resume(claims.sessionId, claims.userId, config.session.idleSeconds)
  if (!live) return { actor: ANONYMOUS, rejectedToken: true, policyVersion }
  return {
    actor: { kind: 'user', userId: claims.userId, sessionId: claims.sessionId },
    rejectedToken: false,
    policyVersion,
  }
}

/**
 * Requires `scope` on `target` — 401 for an anonymous caller, 403 for a logged-in one — and answers
 * the `reveal` scopes (on the same target, or on their own), all from one read of the policy state:
 * `policyVersion` when authenticate read it just now, otherwise the resolver reads it.
 */
export async function decide(
  app: DependencyContainer,
  actor: Actor,
  scope: Scope,
  target: Target,
  reveal: readonly Reveal[] = [],
  policyVersion?: number,
): Promise<ReadonlySet<Scope>> {
  const questions = [
    { scope, target },
    ...reveal.map((r) => (typeof r === 'string' ? { scope: r, target } : { scope: r.scope, target: r.on })),
  ]
  const answers = await app
    .resolve<TokenTypes[typeof POLICY_RESOLVER]>(POLICY_RESOLVER)
    .answer(actor, questions, policyVersion)
  if (!answers[0]) throw actor.kind === 'anonymous' ? new UnauthenticatedError() : new ForbiddenError()
  return new Set(questions.filter((_, i) => answers[i]).map((q) => q.scope))
}
