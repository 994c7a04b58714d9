// Session JWTs: ES256 signed with the current key, `kid` in the header, an absolute lifetime of at
// most 12 hours. The token only names a server-side session row; logout revokes the row, so a copied
// token stops working. Tokens signed with a previous key (named by its kid) stay valid until they
// expire, which is what lets keys rotate without logging everyone out
// (docs/decisions/0006-login-and-sessions.md).
import {
  type CryptoKey,
  exportJWK,
  importJWK,
  importPKCS8,
  importSPKI,
  type JWSHeaderParameters,
  jwtVerify,
  SignJWT,
} from 'jose'
import type { AppConfig } from '#config'

export const SESSION_ALG = 'ES256'
const AUDIENCE = 'pek-session'

export interface SessionClaims {
  userId: number
  sessionId: string
  realmId: string
}

export type SessionKeyConfig = Pick<AppConfig['session'], 'signingKeyPem' | 'keyId'> &
  Partial<Pick<AppConfig['session'], 'previousKeys'>>

export interface SessionKeys {
  /** The current key: it signs every new token. */
  keyId: string
  privateKey: CryptoKey
  /** kid → verification key: the current key and the previous ones still in their overlap window. */
  verificationKeys: ReadonlyMap<string, CryptoKey>
}

export async function loadSessionKeys(config: SessionKeyConfig): Promise<SessionKeys> {
  const privateKey = await importPKCS8(config.signingKeyPem, SESSION_ALG, { extractable: true })
  const { d: _private, ...publicJwk } = await exportJWK(privateKey)
  const publicKey = await importJWK(publicJwk, SESSION_ALG)
  if (!('type' in publicKey)) throw new Error('expected an asymmetric public key')
  const verificationKeys = new Map<string, CryptoKey>([[config.keyId, publicKey]])
  for (const previous of config.previousKeys ?? []) {
    try {
      verificationKeys.set(previous.keyId, await importSPKI(previous.publicKeyPem, SESSION_ALG))
    } catch (cause) {
      throw new Error(`SESSION_PREVIOUS_KEYS: "${previous.keyId}" is not a P-256 public key`, { cause })
    }
  }
  return { keyId: config.keyId, privateKey, verificationKeys }
}

/** A jose key resolver: the key the header's kid names; an unknown or missing kid is refused. */
export function keyByKid(keys: SessionKeys) {
  return (header: JWSHeaderParameters): CryptoKey => {
    const key = header.kid === undefined ? undefined : keys.verificationKeys.get(header.kid)
    if (!key) throw new Error('unknown key id')
    return key
  }
}

export async function signSessionToken(
  keys: SessionKeys,
  issuer: string,
  claims: SessionClaims,
  expiresAt: Date,
  issuedAt: Date = new Date(),
): Promise<string> {
  return new SignJWT({ sid: claims.sessionId, realm: claims.realmId })
    .setProtectedHeader({ alg: SESSION_ALG, kid: keys.keyId, typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(keys.privateKey)
}

/** Sessions are identified by UUIDs (SessionService.start); the session statement compares them as such. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The claims of a valid token, or null for anything else (expired at `now`, tampered, unknown key,
 * alg none).
 */
export async function verifySessionToken(
  keys: SessionKeys,
  issuer: string,
  token: string,
  now: Date = new Date(),
): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyByKid(keys), {
      algorithms: [SESSION_ALG],
      issuer,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
      currentDate: now,
    })
    const userId = Number(payload.sub)
    if (
      !Number.isSafeInteger(userId) ||
      typeof payload.sid !== 'string' ||
      !SESSION_ID.test(payload.sid) ||
      typeof payload.realm !== 'string'
    ) {
      return null
    }
    return { userId, sessionId: payload.sid, realmId: payload.realm }
  } catch {
    return null
  }
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-pek_session' : 'pek_session'
}
