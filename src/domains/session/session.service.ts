import { randomUUID } from 'node:crypto'
import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'

/** Server-side login sessions: what makes logout final even for a copied token. */
@injectable()
export class SessionService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(userId: number, ttlSeconds: number): Promise<{ id: string; expiresAt: Date }> {
    const expiresAt = new Date(this.clock.now().getTime() + ttlSeconds * 1000)
    const session = await this.db.session.create({
      data: { id: randomUUID(), realmId: this.realmId, userId, expiresAt },
      select: { id: true, expiresAt: true },
    })
    return session
  }

  async isActive(sessionId: string, userId: number): Promise<boolean> {
    const session = await this.db.session.findUnique({
      where: { id_realmId: { id: sessionId, realmId: this.realmId } },
      select: { userId: true, expiresAt: true, revokedAt: true },
    })
    return (
      !!session && session.userId === userId && !session.revokedAt && session.expiresAt > this.clock.now()
    )
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.session.updateMany({
      where: { realmId: this.realmId, id: sessionId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    })
  }
}
