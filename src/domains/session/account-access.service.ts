import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { AccountAccess } from './account-access.schema'

/**
 * Who may use their account: an admin disables or re-enables it, or ends all its sessions. Every
 * session check (SessionService.resume) reads the result, so a change bites on the next request.
 */
@injectable()
export class AccountAccessService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Disables the account and revokes its sessions, so enabling it later revives no old token. */
  async disable(userId: number): Promise<AccountAccess> {
    const [user, ended] = await this.db.$transaction([this.setDisabled(userId, true), this.revokeAll(userId)])
    if (user.count === 0) throw new NotFoundError('User', userId)
    return AccountAccess.parse({ userId, disabled: true, endedSessions: ended.count })
  }

  async enable(userId: number): Promise<AccountAccess> {
    const user = await this.setDisabled(userId, false)
    if (user.count === 0) throw new NotFoundError('User', userId)
    return AccountAccess.parse({ userId, disabled: false, endedSessions: 0 })
  }

  /** Logs the user out everywhere; they may log in again unless the account is disabled. */
  async endSessions(userId: number): Promise<AccountAccess> {
    const user = await this.db.user.findUnique({
      where: { id_realmId: { id: userId, realmId: this.realmId } },
      select: { disabled: true },
    })
    if (!user) throw new NotFoundError('User', userId)
    const ended = await this.revokeAll(userId)
    return AccountAccess.parse({ userId, disabled: user.disabled, endedSessions: ended.count })
  }

  private setDisabled(userId: number, disabled: boolean) {
    return this.db.user.updateMany({ where: { realmId: this.realmId, id: userId }, data: { disabled } })
  }

  private revokeAll(userId: number) {
    return this.db.session.updateMany({
      where: { realmId: this.realmId, userId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    })
  }
}
