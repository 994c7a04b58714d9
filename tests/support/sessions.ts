// Minting and forging session tokens for tests: a real session row plus a token signed the way the
// login callback signs it, or deliberately broken ones.
import { randomUUID } from 'node:crypto'
import { generateKeyPair, SignJWT } from 'jose'
import type { AppConfig } from '#config'
import { SessionService } from '~/domains/session/session.service'
import { sessionIssuer, sessionKeysFor } from '~/server/auth/access'
import { signSessionToken } from '~/server/auth/session-token'
import { CLOCK, type TokenTypes } from '~/server/di/tokens'
import type { TestApp } from './app'

export async function loginToken(
  t: Pick<TestApp, 'app' | 'config'>,
  userId: number,
  ttlSeconds = 3600,
): Promise<{ token: string; sessionId: string }> {
  const session = await t.app.resolve(SessionService).start(userId, ttlSeconds)
  const token = await signSessionToken(
    await sessionKeysFor(t.config),
    sessionIssuer(t.config),
    { userId, sessionId: session.id, realmId: t.config.realmId },
    session.expiresAt,
    t.app.resolve<TokenTypes[typeof CLOCK]>(CLOCK).now(),
  )
  return { token, sessionId: session.id }
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Tokens an attacker could present, each with an otherwise valid-looking payload for `userId`. */
export async function forgedTokens(config: AppConfig, userId: number, sessionId: string = randomUUID()) {
  const keys = await sessionKeysFor(config)
  const issuer = sessionIssuer(config)
  const claims = { sid: sessionId, realm: config.realmId }
  const now = Math.floor(Date.now() / 1000)
  const sign = (key: CryptoKey, kid: string, iat: number, exp: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject(String(userId))
      .setIssuer(issuer)
      .setAudience('pek-session')
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key)
  const valid = await sign(keys.privateKey, keys.keyId, now, now + 3600)
  const [header, payload, signature] = valid.split('.') as [string, string, string]
  const otherKey = (await generateKeyPair('ES256')).privateKey
  return {
    /** Signed like a real one: only its payload (a session id, say) can make it fail. */
    valid,
    expired: await sign(keys.privateKey, keys.keyId, now - 7200, now - 3600),
    tamperedPayload: `${header}.${base64url({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: String(userId + 1) })}.${signature}`,
    tamperedSignature: `${header}.${payload}.${signature.slice(0, -4)}AAAA`,
    algNone: `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    unknownKey: await sign(otherKey, keys.keyId, now, now + 3600),
    unknownKid: await sign(keys.privateKey, 'someone-elses-key', now, now + 3600),
    otherRealm: await new SignJWT({ ...claims, realm: 'elsewhere' })
      .setProtectedHeader({ alg: 'ES256', kid: keys.keyId })
      .setSubject(String(userId))
      .setIssuer(issuer)
      .setAudience('pek-session')
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(keys.privateKey),
  }
}
