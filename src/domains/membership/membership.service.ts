import { inject, injectable } from 'tsyringe'
import type { MembershipStatus } from '~/generated/prisma/enums'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import {
  type ActiveMember,
  ActiveMemberList,
  ROSTER_TABS,
  Roster,
  type RosterTab,
  type UserMembership,
  UserMembershipList,
} from './membership.schema'
import { currentStatus, memberSince } from './status'

const POST_ORDER = [
  'LEADER',
  'RESORT_LEADER',
  'DEPUTY',
  'EVALUATION_HELPER',
  'FINANCIAL_OFFICER',
  'NEWBIE',
  'FORMER_LEADER',
  'CUSTOM',
]

/** Who belongs to a group, derived from the membership history. */
@injectable()
export class MembershipService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
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
    const group = await this.db.group.findUnique({
      where: { id_realmId: { id: groupId, realmId: this.realmId } },
      select: { id: true, showArchivedMembers: true },
    })
    if (!group) throw new NotFoundError('Group', groupId)
    const adminsOnly = tab === 'pending' || (tab === 'archived' && !group.showArchivedMembers)
    if (adminsOnly && !viewer.admin) return { members: [], hidden: true }
    const statuses: readonly MembershipStatus[] = ROSTER_TABS[tab]
    const rows = await this.db.membership.findMany({
      where: { realmId: this.realmId, groupId },
      select: {
        id: true,
        user: { select: { id: true, displayName: true, screenName: true } },
        events: { select: { id: true, status: true, at: true } },
        posts: { select: { postType: { select: { id: true, name: true, kind: true } } } },
      },
    })
    const members = rows.flatMap((row) => {
      const current = currentStatus(row.events)
      if (!current || !statuses.includes(current.status)) return []
      return [
        {
          membershipId: row.id,
          userId: row.user.id,
          displayName: row.user.displayName,
          screenName: row.user.screenName,
          status: current.status,
          statusSince: current.at,
          since: memberSince(row.events) ?? null,
          posts: row.posts.map((p) => p.postType).sort(byPostOrder),
        },
      ]
    })
    members.sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName, 'hu'))
    return Roster.parse({ members, hidden: false })
  }

  /**
   * A user's groups for their profile: current (newbie, active) first, then former ones, newest
   * first within each. Applications and archived memberships are not part of the public history.
   */
  async ofUser(userId: number): Promise<UserMembership[]> {
    const rows = await this.db.membership.findMany({
      where: { realmId: this.realmId, userId },
      select: {
        id: true,
        group: { select: { id: true, name: true } },
        events: { select: { id: true, status: true, at: true } },
        posts: { select: { postType: { select: { id: true, name: true, kind: true } } } },
      },
    })
    const history = rows.flatMap((row) => {
      const current = currentStatus(row.events)
      const status = current?.status
      if (status !== 'ACTIVE' && status !== 'NEWBIE' && status !== 'FORMER') return []
      return [
        {
          membershipId: row.id,
          group: row.group,
          status,
          since: memberSince(row.events) ?? null,
          until: status === 'FORMER' ? (current?.at ?? null) : null,
          posts: row.posts.map((p) => p.postType).sort(byPostOrder),
        },
      ]
    })
    const lasting = (m: UserMembership) => (m.status === 'FORMER' ? 1 : 0)
    history.sort(
      (a, b) =>
        lasting(a) - lasting(b) ||
        (b.since?.getTime() ?? 0) - (a.since?.getTime() ?? 0) ||
        a.group.name.localeCompare(b.group.name, 'hu'),
    )
    return UserMembershipList.parse(history)
  }
}

const byPostOrder = (a: { kind: string; name: string }, b: { kind: string; name: string }) =>
  POST_ORDER.indexOf(a.kind) - POST_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name)

const rank = (m: { posts: { kind: string }[] }) =>
  m.posts.length ? POST_ORDER.indexOf(m.posts[0]?.kind ?? 'CUSTOM') : POST_ORDER.length
