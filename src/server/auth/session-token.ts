// Session JWTs: ES256 signed with the configured key, `kid` in the header, an absolute
// lifetime of at most 12 hours. The token only names a server-side session row; logout
// revokes the row, so a copied token stops working (docs/decisions/0006-login-and-sessions.md).
import { type CryptoKey, exportJWK, importJWK, importPKCS8, jwtVerify, SignJWT } from 'jose'
import type { AppConfig } from '#config'

export const SESSION_ALG = 'ES256'
const AUDIENCE = 'pek-session'

export interface SessionClaims {
  userId: number
  sessionId: string
  realmId: string
}

export interface SessionKeys {
  keyId: string
  privateKey: CryptoKey
  publicKey: CryptoKey
}

export async function loadSessionKeys(config: AppConfig['session']): Promise<SessionKeys> {
  const privateKey = await importPKCS8(config.signingKeyPem, SESSION_ALG, { extractable: true })
  const { d: _private, ...publicJwk } = await exportJWK(privateKey)
  const publicKey = await importJWK(publicJwk, SESSION_ALG)
  if (!('type' in publicKey)) throw new Error('expected an asymmetric public key')
  return { keyId: config.keyId, privateKey, publicKey }
}

export async function signSessionToken(
  keys: SessionKeys,
  issuer: string,
  claims: SessionClaims,
  expiresAt: Date,
): Promise<string> {
  return new SignJWT({ sid: claims.sessionId, realm: claims.realmId })
    .setProtectedHeader({ alg: SESSION_ALG, kid: keys.keyId, typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(keys.privateKey)
}

/** The claims of a valid token, or null for anything else (expired, tampered, unknown key, alg none). */
export async function verifySessionToken(
  keys: SessionKeys,
  issuer: string,
  token: string,
): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        if (header.kid !== keys.keyId) throw new Error('unknown key id')
        return keys.publicKey
      },
      { algorithms: [SESSION_ALG], issuer, audience: AUDIENCE, requiredClaims: ['sub', 'exp', 'iat'] },
    )
    const userId = Number(payload.sub)
    if (
      !Number.isSafeInteger(userId) ||
      typeof payload.sid !== 'string' ||
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
