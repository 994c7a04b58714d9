import { inject, injectable } from 'tsyringe'
import { capPoints } from '~/domains/semester/caps'
import { compareSemesters, type SemesterId, storedSemesterId } from '~/domains/semester/semester-id'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import type { Prisma } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { byHungarian } from '~/shared/hungarian-order'
import { effectiveCard } from './entry-cards'
import {
  GroupHistory,
  GroupHistoryInput,
  type GroupHistory as GroupHistoryView,
  UserHistory,
  UserHistoryInput,
  type UserHistory as UserHistoryView,
} from './history.schema'

const CARD_SELECT = {
  type: true,
  justification: true,
  finalType: true,
  finalJustification: true,
  final: true,
} as const

interface MemberResult {
  evaluationId: number
  semester: string
  groupId: number
  groupName: string
  membershipId: number
  userId: number
  displayName: string
  points: number | null
  entryCard: { type: 'KDO' | 'KB' | 'AB'; justification: string } | null
}

const newestFirst = (a: string, b: string) => compareSemesters(storedSemesterId(b), storedSemesterId(a))

/**
 * The accepted results of evaluations, for a user's profile and for a group's history
 * (docs/decisions/0016-entry-review-history-exports.md): points only from ACCEPTED point requests
 * (after the caps in force now, as community points count them — ADR 0015), entry cards only from
 * ACCEPTED entry requests (the council's final card when marked final). A member appears when they
 * have a non-zero cell or a card row in such an evaluation. Who may read is the guard's.
 */
@injectable()
export class EvaluationHistoryService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
  ) {}

  /** A user's accepted points and entry cards per semester and group, and their community points. */
  async ofUser(input: UserHistoryInput): Promise<UserHistoryView> {
    const { userId } = parseInput(UserHistoryInput, input)
    const user = await this.db.user.findUnique({
      where: { id_realmId: { id: userId, realmId: this.realmId } },
      select: { id: true },
    })
    if (!user) throw new NotFoundError('User', userId)
    const [results, community] = await Promise.all([
      this.results({ membership: { userId } }),
      this.db.communityPoints.findMany({
        where: { realmId: this.realmId, userId },
        select: { semester: true, points: true, groups: true },
      }),
    ])
    const breakdowns = community.map((c) => ({
      ...c,
      groups: (c.groups as { groupId: number; current: number; previous: number; total: number }[]) ?? [],
    }))
    const groupIds = [...new Set(breakdowns.flatMap((c) => c.groups.map((g) => g.groupId)))]
    const groupNames = new Map(
      (
        await this.db.group.findMany({
          where: { realmId: this.realmId, id: { in: groupIds } },
          select: { id: true, name: true },
        })
      ).map((g) => [g.id, g.name]),
    )
    const semesters = [...new Set([...results.map((r) => r.semester), ...community.map((c) => c.semester)])]
    return UserHistory.parse({
      userId,
      semesters: semesters.sort(newestFirst).map((semester) => {
        const points = breakdowns.find((c) => c.semester === semester)
        return {
          semester,
          communityPoints: points
            ? {
                points: points.points,
                groups: points.groups.map((g) => ({ ...g, groupName: groupNames.get(g.groupId) ?? null })),
              }
            : null,
          groups: results
            .filter((r) => r.semester === semester)
            .sort((a, b) => byHungarian(a.groupName, b.groupName) || a.groupId - b.groupId),
        }
      }),
    })
  }

  /** Each member's accepted points and card in the group's evaluation of a semester. */
  async ofGroup(input: GroupHistoryInput): Promise<GroupHistoryView> {
    const { groupId, semester: asked } = parseInput(GroupHistoryInput, input)
    const group = await this.db.group.findUnique({
      where: { id_realmId: { id: groupId, realmId: this.realmId } },
      select: { id: true },
    })
    if (!group) throw new NotFoundError('Group', groupId)
    const accepted = await this.db.evaluation.findMany({
      where: {
        realmId: this.realmId,
        groupId,
        OR: [{ pointStatus: 'ACCEPTED' }, { entryStatus: 'ACCEPTED' }],
      },
      select: { semester: true, pointStatus: true, entryStatus: true },
    })
    const semesters = accepted.map((e) => e.semester).sort(newestFirst)
    const semester = asked ?? (semesters[0] as SemesterId | undefined)
    const evaluation = accepted.find((e) => e.semester === semester)
    if (asked && !evaluation) throw new NotFoundError('Evaluation', `${groupId} ${asked}`)
    const members = evaluation
      ? await this.results({ evaluation: { groupId, semester: evaluation.semester } })
      : []
    return GroupHistory.parse({
      groupId,
      semesters,
      semester: semester ?? null,
      pointsAccepted: evaluation?.pointStatus === 'ACCEPTED',
      entriesAccepted: evaluation?.entryStatus === 'ACCEPTED',
      members: members.sort(
        (a, b) => byHungarian(a.displayName, b.displayName) || a.membershipId - b.membershipId,
      ),
    })
  }

  /** The accepted result of every (evaluation, member) the filter selects, from cells and card rows. */
  private async results(filter: {
    membership?: { userId: number }
    evaluation?: { groupId: number; semester: string }
  }): Promise<MemberResult[]> {
    const { caps } = await this.settings.current()
    const evaluation = (status: 'pointStatus' | 'entryStatus') =>
      ({ ...filter.evaluation, [status]: 'ACCEPTED' }) satisfies Prisma.EvaluationWhereInput
    const owner = {
      evaluation: { select: { id: true, semester: true, group: { select: { id: true, name: true } } } },
      membership: { select: { id: true, user: { select: { id: true, displayName: true } } } },
    } as const
    const [cells, cards] = await Promise.all([
      this.db.pointCell.findMany({
        where: {
          realmId: this.realmId,
          value: { gt: 0 },
          evaluation: evaluation('pointStatus'),
          ...(filter.membership ? { membership: filter.membership } : {}),
        },
        select: { value: true, principle: { select: { category: true } }, ...owner },
      }),
      this.db.entryCard.findMany({
        where: {
          realmId: this.realmId,
          evaluation: evaluation('entryStatus'),
          ...(filter.membership ? { membership: filter.membership } : {}),
        },
        select: { ...CARD_SELECT, ...owner },
      }),
    ])
    const results = new Map<string, MemberResult & { work: number; responsibility: number }>()
    const resultOf = (row: (typeof cells)[number] | (typeof cards)[number]) => {
      const key = `${row.evaluation.id} ${row.membership.id}`
      let result = results.get(key)
      if (!result) {
        result = {
          evaluationId: row.evaluation.id,
          semester: row.evaluation.semester,
          groupId: row.evaluation.group.id,
          groupName: row.evaluation.group.name,
          membershipId: row.membership.id,
          userId: row.membership.user.id,
          displayName: row.membership.user.displayName,
          points: null,
          entryCard: null,
          work: 0,
          responsibility: 0,
        }
        results.set(key, result)
      }
      return result
    }
    for (const cell of cells) {
      const result = resultOf(cell)
      if (cell.principle.category === 'WORK') result.work += cell.value
      else result.responsibility += cell.value
    }
    for (const card of cards) resultOf(card).entryCard = effectiveCard(card)
    const statuses = new Map(
      (
        await this.db.evaluation.findMany({
          where: {
            realmId: this.realmId,
            id: { in: [...new Set([...results.values()].map((r) => r.evaluationId))] },
          },
          select: { id: true, pointStatus: true, entryStatus: true },
        })
      ).map((e) => [e.id, e]),
    )
    return [...results.values()].map(({ work, responsibility, ...result }) => {
      const status = statuses.get(result.evaluationId)
      return {
        ...result,
        points: status?.pointStatus === 'ACCEPTED' ? capPoints(caps, { work, responsibility }).total : null,
        // No card row is KDO (the default the editor never saves): accepted with the entry request.
        entryCard:
          result.entryCard ??
          (status?.entryStatus === 'ACCEPTED' ? { type: 'KDO', justification: '' } : null),
      }
    })
  }
}
