import { randomUUID } from 'node:crypto'
import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { AccountDisabledError } from './session.errors'

/**
 * How stale `lastSeenAt` may get before a request writes it again: one write per session per
 * minute instead of one per request. The idle timeout counts from `lastSeenAt`, so a session can
 * end up to this much earlier than idle-minutes after its very last request, never later.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000

/** Server-side login sessions: what makes logout, disabling and idling out final even for a copied token. */
@injectable()
export class SessionService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
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
   */
  async resume(sessionId: string, userId: number, idleSeconds: number): Promise<boolean> {
    const now = this.clock.now().getTime()
    // One statement (the account's switch as a filter, not a second read): it runs on every request.
    const session = await this.db.session.findFirst({
      where: { realmId: this.realmId, id: sessionId, userId, revokedAt: null, user: { disabled: false } },
      select: { expiresAt: true, lastSeenAt: true },
    })
    if (!session) return false
    if (session.expiresAt.getTime() <= now) return false
    const idleMs = now - session.lastSeenAt.getTime()
    if (idleMs >= idleSeconds * 1000) return false
    if (idleMs >= LAST_SEEN_RESOLUTION_MS) {
      // Conditional, so parallel requests of one session write it once.
      await this.db.session.updateMany({
        where: {
          realmId: this.realmId,
          id: sessionId,
          lastSeenAt: { lte: new Date(now - LAST_SEEN_RESOLUTION_MS) },
        },
        data: { lastSeenAt: new Date(now) },
      })
    }
    return true
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.session.updateMany({
      where: { realmId: this.realmId, id: sessionId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    })
  }
}
