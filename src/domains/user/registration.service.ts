import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { isUniqueViolation } from '~/server/db/unique-violation'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { ConflictError, InvalidStateError, NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { type Registered, RegistrationFields, screenNameKey } from './registration.schema'
import { SEARCHABLE_USER, searchableOf } from './searchable'

/** First login: the user picks a screen name, dormitory and room, once. */
@injectable()
export class RegistrationService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  /**
   * 409 (ConflictError on `screenName`) when the name is taken in any letter case; the unique key
   * decides a race between two registrations, not a prior lookup. 409 (InvalidStateError) when the
   * user has already registered: the screen name is their permanent address.
   */
  async register(userId: number, input: RegistrationFields): Promise<Registered> {
    const fields = parseInput(RegistrationFields, input)
    try {
      return await this.db.$transaction(async (tx) => {
        const key = { id_realmId: { id: userId, realmId: this.realmId } }
        // Conditional on "not yet registered", so a double submit cannot rename the user.
        const claimed = await tx.user.updateMany({
          where: { realmId: this.realmId, id: userId, screenName: null },
          data: { screenName: fields.screenName, screenNameKey: screenNameKey(fields.screenName) },
        })
        if (claimed.count === 0) {
          const exists = await tx.user.findUnique({ where: key, select: { id: true } })
          if (!exists) throw new NotFoundError('User', userId)
          throw new InvalidStateError('Already registered')
        }
        const user = await tx.user.update({
          where: key,
          data: {
            profile: {
              update: { dormitory: fields.dormitory, room: fields.room, version: { increment: 1 } },
            },
          },
          select: SEARCHABLE_USER,
        })
        await tx.profile.update({
          where: { userId_realmId: { userId, realmId: this.realmId } },
          data: searchableOf(user),
        })
        return { id: userId, screenName: fields.screenName }
      })
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('Screen name taken', { screenName: ['screenNameTaken'] })
      }
      throw error
    }
  }
}
