// The floor's login check: the same token verification and the same session row as the app's
// (src/server/auth/access.ts, SessionService.resume) in one query, without a container or ORM.
// It decides no access: the policy engine's work is what the app adds on top of the floor.
import type pg from 'pg'
import { type SessionKeys, sessionCookieName, verifySessionToken } from '~/server/auth/session-token'

const COOKIE = `${sessionCookieName(false)}=`
const LAST_SEEN_RESOLUTION_MS = 60_000

function tokenOf(cookieHeader: string | undefined): string | undefined {
  for (const part of cookieHeader?.split(';') ?? []) {
    const trimmed = part.trim()
    if (trimmed.startsWith(COOKIE)) return trimmed.slice(COOKIE.length)
  }
  return undefined
}

/** The logged-in user's id, or null (no token, a bad one, or a session that cannot serve). */
export async function authenticate(
  db: pg.Pool,
  keys: SessionKeys,
  issuer: string,
  realmId: string,
  idleSeconds: number,
  cookieHeader: string | undefined,
): Promise<number | null> {
  const token = tokenOf(cookieHeader)
  if (!token) return null
  const claims = await verifySessionToken(keys, issuer, token)
  if (!claims || claims.realmId !== realmId) return null
  const { rows } = await db.query<{
    userId: number
    expiresAt: Date
    revokedAt: Date | null
    lastSeenAt: Date
    disabled: boolean
  }>(
    `SELECT s."userId", s."expiresAt", s."revokedAt", s."lastSeenAt", u.disabled
     FROM "Session" s JOIN "User" u ON u."realmId" = s."realmId" AND u.id = s."userId"
     WHERE s."realmId" = $1 AND s.id = $2`,
    [realmId, claims.sessionId],
  )
  const session = rows[0]
  const now = Date.now()
  if (!session || session.userId !== claims.userId || session.revokedAt || session.disabled) return null
  if (session.expiresAt.getTime() <= now) return null
  const idleMs = now - session.lastSeenAt.getTime()
  if (idleMs >= idleSeconds * 1000) return null
  if (idleMs >= LAST_SEEN_RESOLUTION_MS)
    await db.query(
      `UPDATE "Session" SET "lastSeenAt" = $3 WHERE "realmId" = $1 AND id = $2 AND "lastSeenAt" <= $4`,
      [realmId, claims.sessionId, new Date(now), new Date(now - LAST_SEEN_RESOLUTION_MS)],
    )
  return session.userId
}
