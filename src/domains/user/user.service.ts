import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'
import { searchTextOf } from './search-text'
import { CurrentUser, LoginClaims } from './user.schema'

/** Identities: created at first login, refreshed from the provider's claims at every login. */
@injectable()
export class UserService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Finds or creates the user by the provider's subject; name and e-mail follow the claims. */
  async recordLogin(input: LoginClaims): Promise<CurrentUser> {
    const claims = LoginClaims.parse(input)
    const identity = {
      displayName: claims.displayName,
      email: claims.email,
      neptun: claims.neptun,
      lastLoginAt: this.clock.now(),
    }
    const names = { firstName: claims.givenName, lastName: claims.familyName }
    return this.db.$transaction(async (tx) => {
      const user = await tx.user.upsert({
        where: { realmId_subject: { realmId: this.realmId, subject: claims.subject } },
        create: {
          realmId: this.realmId,
          subject: claims.subject,
          ...identity,
          profile: { create: { ...names } },
        },
        update: {
          ...identity,
          profile: { upsert: { create: { ...names }, update: { ...names } } },
        },
        select: {
          id: true,
          displayName: true,
          screenName: true,
          email: true,
          profile: {
            select: {
              firstName: true,
              lastName: true,
              nickname: true,
              room: true,
              emailPublic: true,
              roomPublic: true,
            },
          },
        },
      })
      // Names and e-mail are searched: keep the search text in step with the claims.
      if (user.profile) {
        await tx.profile.update({
          where: { userId_realmId: { userId: user.id, realmId: this.realmId } },
          data: searchTextOf({ ...user.profile, ...user }),
        })
      }
      return CurrentUser.parse(user)
    })
  }
}
