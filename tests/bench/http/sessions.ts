// Logged-in users for the load: a real Session row per user and a token signed the way the login
// callback signs it (tests/support/sessions.ts does the same through the SessionService), so every
// request is authenticated like a browser's after an OpenID login. Clicking through the provider
// would only add the provider's cost to the setup, not to what is measured.
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import type pg from 'pg'
import { loadSessionKeys, sessionCookieName, signSessionToken } from '~/server/auth/session-token'
import { REALM } from '../dataset/load'

export interface SessionKey {
  pem: string
  keyId: string
}

/** A signing key of the run's own: the app and the floor get it, nothing else ever sees it. */
export function newSessionKey(): SessionKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), keyId: `bench-${Date.now()}` }
}

/** The Cookie header of one logged-in user. */
export interface Login {
  userId: number
  cookie: string
}

const TTL_MS = 12 * 3600_000

/** One session per user (a user seen twice shares it), for the app at `publicUrl`. */
export async function logIn(
  db: pg.ClientBase,
  key: SessionKey,
  publicUrl: string,
  userIds: readonly number[],
): Promise<Map<number, Login>> {
  const unique = [...new Set(userIds)]
  const ids = unique.map(() => randomUUID())
  const expiresAt = new Date(Date.now() + TTL_MS)
  // Seen last at different moments of the past minute, as people who logged in at different times:
  // a session's lastSeenAt is written at most once a minute, and sessions all minted in the same
  // second would have written it all at once, a minute into the run.
  const lastSeen = unique.map((_, i) => new Date(Date.now() - ((i * 7919) % 60_000)))
  await db.query(
    `INSERT INTO "Session" (id, "realmId", "userId", "expiresAt", "lastSeenAt")
     SELECT unnest($1::uuid[]), $2, unnest($3::int[]), $4, unnest($5::timestamp(3)[])`,
    [ids, REALM, unique, expiresAt, lastSeen],
  )
  const keys = await loadSessionKeys({ signingKeyPem: key.pem, keyId: key.keyId })
  const issuer = new URL(publicUrl).origin
  const name = sessionCookieName(false)
  const logins = new Map<number, Login>()
  for (const [i, userId] of unique.entries()) {
    const sessionId = ids[i] ?? ''
    const token = await signSessionToken(keys, issuer, { userId, sessionId, realmId: REALM }, expiresAt)
    logins.set(userId, { userId, cookie: `${name}=${token}` })
  }
  return logins
}
