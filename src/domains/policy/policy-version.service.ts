import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'

type Tx = Parameters<Parameters<RealmClient['$transaction']>[0]>[0]

/**
 * The realm's policy version: every change that can alter a decision bumps it in the same
 * transaction, and every decision first reads it, so no request is decided on a stale snapshot.
 */
@injectable()
export class PolicyVersionService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  async current(): Promise<number> {
    const row = await this.db.policyVersion.findUnique({
      where: { realmId: this.realmId },
      select: { version: true },
    })
    return row?.version ?? 0
  }

  async bump(tx: Tx): Promise<number> {
    const row = await tx.policyVersion.upsert({
      where: { realmId: this.realmId },
      create: { realmId: this.realmId, version: 1 },
      update: { version: { increment: 1 } },
      select: { version: true },
    })
    return row.version
  }
}
