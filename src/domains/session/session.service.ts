import { randomUUID } from 'node:crypto'
import { inject, injectable } from 'tsyringe'
import { Prisma } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import type { Sql } from '~/server/db/sql'
import { CLOCK, type Clock, PRISMA, REALM_ID, SQL } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { AccountDisabledError } from './session.errors'

/**
 * How stale `lastSeenAt` may get before a request writes it again: one write per session per
 * minute instead of one per request. The idle timeout counts from `lastSeenAt`, so a session can
 * end up to this much earlier than idle-minutes after its very last request, never later.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000

/** What `resume` answers: whether the session serves this request, and the realm's policy version. */
export interface Resumed {
  live: boolean
  policyVersion: number
}

interface ResumeRow {
  expiresAt: Date | null
  lastSeenAt: Date | null
  policyVersion: number
}

/** Server-side login sessions: what makes logout, disabling and idling out final even for a copied token. */
@injectable()
export class SessionService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(SQL) private readonly sql: Sql,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Opens a session for a login; a disabled account gets AccountDisabledError instead. */
  async start(userId: number, ttlSeconds: number): Promise<{ id: string; expiresAt: Date }> {
    const user = await this.db.user.findUnique({
      where: { id_realmId: { id: userId, realmId: this.realmId } },
      select: { disabled: true },
    })
    if (!user) throw new NotFoundError('User', userId)
    if (user.disabled) throw new AccountDisabledError(userId)
    const now = this.clock.now()
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000)
    return this.db.session.create({
      data: { id: randomUUID(), realmId: this.realmId, userId, createdAt: now, lastSeenAt: now, expiresAt },
      select: { id: true, expiresAt: true },
    })
  }

  /**
   * Whether the session may serve this request: it is the user's, not revoked, not past its
   * absolute expiry, not idle for `idleSeconds`, and the account is not disabled. A live session's
   * `lastSeenAt` moves forward (at most once per LAST_SEEN_RESOLUTION_MS).
   *
   * The realm's policy version comes back from the same statement, live session or not: the guard
   * decides next and needs it, and this is one round trip instead of two on every request (ADR 0026).
   */
  async resume(sessionId: string, userId: number, idleSeconds: number): Promise<Resumed> {
    const now = this.clock.now().getTime()
    const [row] = await this.sql.rows<ResumeRow>(Prisma.sql`
      SELECT s."expiresAt", s."lastSeenAt", COALESCE(v.version, 0) AS "policyVersion"
      FROM (SELECT 1) AS one
      LEFT JOIN "Session" s ON s."realmId" = ${this.realmId} AND s.id = ${sessionId}::uuid
        AND s."userId" = ${userId} AND s."revokedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "User" u
                    WHERE u."realmId" = s."realmId" AND u.id = s."userId" AND NOT u.disabled)
      LEFT JOIN "PolicyVersion" v ON v."realmId" = ${this.realmId}`)
    if (!row) throw new Error('the session statement returned no row')
    const dead = { live: false, policyVersion: row.policyVersion }
    if (!row.expiresAt || !row.lastSeenAt || row.expiresAt.getTime() <= now) return dead
    const idleMs = now - row.lastSeenAt.getTime()
    if (idleMs >= idleSeconds * 1000) return dead
    if (idleMs >= LAST_SEEN_RESOLUTION_MS) {
      // Conditional, so parallel requests of one session write it once. Through Sql like the read
      // above: on every session's first request of a minute, Prisma's query engine cost more than the write.
      await this.sql.rows(Prisma.sql`
        UPDATE "Session" SET "lastSeenAt" = ${new Date(now)}
        WHERE "realmId" = ${this.realmId} AND id = ${sessionId}::uuid
          AND "lastSeenAt" <= ${new Date(now - LAST_SEEN_RESOLUTION_MS)}`)
    }
    return { live: true, policyVersion: row.policyVersion }
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.session.updateMany({
      where: { realmId: this.realmId, id: sessionId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    })
  }
}
