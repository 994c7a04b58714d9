// Session tokens whose signature already checked out, kept until they expire. A token is signed and
// never changes, so its claims stay valid until its `exp`; checking the ES256 signature again on
// each of a session's requests was about 6% of a request's CPU (issue 8, docs/performance.md). The
// session row is still read on every request (SessionService.resume), so logout, idling out and a
// disabled account take effect at once. Entries belong to one set of keys and one issuer.
import { decodeJwt } from 'jose'
import { type SessionClaims, type SessionKeys, verifySessionToken } from './session-token'

/** Past this many tokens the oldest are dropped (verified again when they come back). */
const MAX_TOKENS = 20_000

interface Verified {
  issuer: string
  claims: SessionClaims
  expiresAtMs: number
}

const byKeys = new WeakMap<SessionKeys, Map<string, Verified>>()

/** verifySessionToken, answered from memory for a token verified before and not yet expired at `now`. */
export async function verifiedClaims(
  keys: SessionKeys,
  issuer: string,
  token: string,
  now: Date,
): Promise<SessionClaims | null> {
  let tokens = byKeys.get(keys)
  if (!tokens) {
    tokens = new Map()
    byKeys.set(keys, tokens)
  }
  const known = tokens.get(token)
  if (known && known.issuer === issuer && now.getTime() < known.expiresAtMs) return known.claims
  const claims = await verifySessionToken(keys, issuer, token, now)
  if (!claims) return null
  const exp = decodeJwt(token).exp
  if (exp !== undefined) {
    if (tokens.size >= MAX_TOKENS) tokens.delete(tokens.keys().next().value ?? '')
    tokens.set(token, { issuer, claims, expiresAtMs: exp * 1000 })
  }
  return claims
}
