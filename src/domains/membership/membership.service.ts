import { inject, injectable } from 'tsyringe'
import { Prisma } from '~/generated/prisma/client'
import type { Sql } from '~/server/db/sql'
import { REALM_ID, SQL } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { byHungarian } from '~/shared/hungarian-order'
import { memberRows } from './member-rows'
import {
  type ActiveMember,
  ActiveMemberList,
  ROSTER_TABS,
  Roster,
  type RosterTab,
  type UserMembership,
  UserMembershipList,
} from './membership.schema'
import { byPostOrder, postRank } from './post-order'

/** Who belongs to a group, derived from the membership history. Reads only, without Prisma (fix 22). */
@injectable()
export class MembershipService {
  constructor(
    @inject(SQL) private readonly sql: Sql,
    @inject(REALM_ID) private readonly realmId: string,
  ) {}

  /** Active and newbie members with their posts; leaders first, then by name. */
  async activeMembers(groupId: number): Promise<ActiveMember[]> {
    const { members } = await this.roster(groupId, 'active', { admin: false })
    return ActiveMemberList.parse(members)
  }

  /**
   * One member tab of the group page. The applicants, and the archived members of a group that
   * hides them, are shown to its member admins only (as the guard answered): others get an empty
   * tab that says it is hidden.
   */
  async roster(groupId: number, tab: RosterTab, viewer: { admin: boolean }): Promise<Roster> {
    const [group] = await this.sql.rows<{ showArchivedMembers: boolean }>(Prisma.sql`
      SELECT "showArchivedMembers" FROM "Group" WHERE "realmId" = ${this.realmId} AND id = ${groupId}`)
    if (!group) throw new NotFoundError('Group', groupId)
    const adminsOnly = tab === 'pending' || (tab === 'archived' && !group.showArchivedMembers)
    if (adminsOnly && !viewer.admin) return { members: [], hidden: true }
    const rows = await memberRows(this.sql, this.realmId, { groupId }, ROSTER_TABS[tab])
    const members = rows.map((row) => ({
      membershipId: row.membershipId,
      userId: row.userId,
      displayName: row.displayName,
      screenName: row.screenName,
      status: row.status,
      statusSince: row.statusSince,
      since: row.since,
      posts: row.posts.sort(byPostOrder),
    }))
    members.sort((a, b) => postRank(a) - postRank(b) || byHungarian(a.displayName, b.displayName))
    return Roster.parse({ members, hidden: false })
  }

  /**
   * A user's groups for their profile: current (newbie, active) first, then former ones, newest
   * first within each. Applications and archived memberships are not part of the public history.
   */
  async ofUser(userId: number): Promise<UserMembership[]> {
    const rows = await memberRows(this.sql, this.realmId, { userId }, ['ACTIVE', 'NEWBIE', 'FORMER'])
    const history = rows.map((row) => ({
      membershipId: row.membershipId,
      group: { id: row.groupId, name: row.groupName },
      status: row.status,
      since: row.since,
      until: row.status === 'FORMER' ? row.statusSince : null,
      posts: row.posts.sort(byPostOrder),
    }))
    const lasting = (m: { status: string }) => (m.status === 'FORMER' ? 1 : 0)
    history.sort(
      (a, b) =>
        lasting(a) - lasting(b) ||
        (b.since?.getTime() ?? 0) - (a.since?.getTime() ?? 0) ||
        byHungarian(a.group.name, b.group.name),
    )
    return UserMembershipList.parse(history)
  }
}
