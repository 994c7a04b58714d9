import { inject, injectable } from 'tsyringe'
import type { Actor } from '~/server/auth/actor'
import type { RealmClient } from '~/server/db/client'
import { ACTOR, PRISMA, REALM_ID } from '~/server/di/tokens'
import { type SessionRights, SessionUser } from './user.schema'

/** The calling user's own identity, for the layout. Request-scoped: it injects the actor. */
@injectable()
export class CurrentUserService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(ACTOR) private readonly actor: Actor,
  ) {}

  /** null for an anonymous visitor; `rights` are the guard's answers, passed through. */
  async get(rights: SessionRights): Promise<SessionUser | null> {
    if (this.actor.kind === 'anonymous') return null
    const user = await this.db.user.findUnique({
      where: { id_realmId: { id: this.actor.userId, realmId: this.realmId } },
      select: { id: true, displayName: true, screenName: true },
    })
    return user && SessionUser.parse({ ...user, ...rights })
  }
}
