import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { InvalidStateError, NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { ExternalAccountFields, MAX_EXTERNAL_ACCOUNTS } from './external-account.schema'
import { ExternalAccountList, type ExternalAccountView } from './profile.schema'

/**
 * A user's accounts elsewhere (Telegram, IRC, call sign...). Every method takes the owner's id and
 * touches only that owner's rows, so an account id of someone else is simply not found.
 */
@injectable()
export class ExternalAccountService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  async list(userId: number): Promise<ExternalAccountView[]> {
    const rows = await this.db.externalAccount.findMany({
      where: { realmId: this.realmId, userId },
      select: { id: true, protocol: true, accountName: true },
      orderBy: [{ protocol: 'asc' }, { id: 'asc' }],
    })
    return ExternalAccountList.parse(rows)
  }

  /** Returns the owner's whole list, so a form can show the result of its change. */
  async add(userId: number, input: ExternalAccountFields): Promise<ExternalAccountView[]> {
    const fields = parseInput(ExternalAccountFields, input)
    await this.db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { id_realmId: { id: userId, realmId: this.realmId } },
        select: { _count: { select: { externalAccounts: true } } },
      })
      if (!user) throw new NotFoundError('User', userId)
      if (user._count.externalAccounts >= MAX_EXTERNAL_ACCOUNTS) {
        throw new InvalidStateError(`At most ${MAX_EXTERNAL_ACCOUNTS} external accounts`)
      }
      await tx.externalAccount.create({ data: { realmId: this.realmId, userId, ...fields } })
    })
    return this.list(userId)
  }

  async update(
    userId: number,
    accountId: number,
    input: ExternalAccountFields,
  ): Promise<ExternalAccountView[]> {
    const fields = parseInput(ExternalAccountFields, input)
    const { count } = await this.db.externalAccount.updateMany({
      where: { realmId: this.realmId, userId, id: accountId },
      data: fields,
    })
    if (count === 0) throw new NotFoundError('ExternalAccount', accountId)
    return this.list(userId)
  }

  async remove(userId: number, accountId: number): Promise<ExternalAccountView[]> {
    const { count } = await this.db.externalAccount.deleteMany({
      where: { realmId: this.realmId, userId, id: accountId },
    })
    if (count === 0) throw new NotFoundError('ExternalAccount', accountId)
    return this.list(userId)
  }
}
