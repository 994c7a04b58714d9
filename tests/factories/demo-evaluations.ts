// The demo dataset's past evaluations: for each of the semesters before the current one, every group
// that had serving members and was not asleep has an ACCEPTED evaluation — its principles (copied
// from semester to semester, as leaders do), its members' points within each principle's maximum,
// and an entry card per member with points (mostly KDO, a few KB and ÁB with justifications) —
// and each semester's community points, by the app's own caps and formula (caps.ts,
// community-points.ts) from the same accepted points the app would read back. Planned in memory
// (deterministic: a seeded random) and written in bulk (./bulk-insert.ts).
import { capPoints, type EvaluationCaps } from '~/domains/semester/caps'
import { type AcceptedPoints, computeCommunityPoints } from '~/domains/semester/community-points'
import type { SemesterId } from '~/domains/semester/semester-id'
import type { EntryType, MembershipStatus, PrincipleCategory } from '~/generated/prisma/enums'
import { type Column, insertRows } from './bulk-insert'
import { DAY, semesterStart, servedIn } from './demo-timeline'
import {
  AB_JUSTIFICATIONS,
  KB_JUSTIFICATIONS,
  type PrincipleText,
  REPORTS,
  RESPONSIBILITY_PRINCIPLES,
  WORK_PRINCIPLES,
} from './evaluation-texts'
import type { Random } from './random'

export interface EvaluationInputs {
  /** The past semesters to evaluate, oldest first. */
  semesters: readonly SemesterId[]
  /** The start of the current semester: memberships' timelines end there. */
  epoch: number
  caps: EvaluationCaps
  groups: readonly {
    id: number
    createdAt: number
    /** Semesters in which the group did not evaluate (it fell asleep). */
    skipped: readonly SemesterId[]
  }[]
  memberships: readonly {
    id: number
    groupId: number
    userId: number
    path: readonly MembershipStatus[]
    times: readonly number[]
  }[]
  /** Memberships holding a post with responsibility (leaders, deputies, …): they score in that category. */
  responsible: ReadonlySet<number>
  /** Users who always did their share (the demo accounts): every principle scores for them. */
  eager: ReadonlySet<number>
  /** Semesters in which a user got nothing anywhere (was away). */
  away: ReadonlyMap<number, SemesterId>
  /** Entry cards the story fixes, by `${membershipId} ${semester}`. */
  fixedCards: ReadonlyMap<string, { type: EntryType; justification: string }>
}

export interface PlannedEvaluation {
  id: number
  groupId: number
  semester: SemesterId
  report: string
  createdAt: Date
  submittedAt: Date
  judgedAt: Date
}

interface PlannedPrinciple extends PrincipleText {
  id: number
  evaluationId: number
  category: PrincipleCategory
  maxPoints: number
  position: number
}

interface PlannedCell {
  evaluationId: number
  principleId: number
  membershipId: number
  value: number
  at: Date
}

interface PlannedCard {
  evaluationId: number
  membershipId: number
  type: EntryType
  justification: string
  at: Date
}

interface PlannedCommunityPoints {
  userId: number
  semester: SemesterId
  points: number
  groups: { groupId: number; current: number; previous: number; total: number }[]
  computedAt: Date
}

export interface EvaluationPlan {
  evaluations: PlannedEvaluation[]
  principles: PlannedPrinciple[]
  cells: PlannedCell[]
  cards: PlannedCard[]
  communityPoints: PlannedCommunityPoints[]
}

/** A group's principles: chosen once, then copied into each semester's evaluation. */
type PrincipleTemplate = Omit<PlannedPrinciple, 'id' | 'evaluationId'>

function principlesOf(rng: Random): PrincipleTemplate[] {
  const work = rng.sample(WORK_PRINCIPLES, rng.int(2, 3)).map((text) => ({
    ...text,
    category: 'WORK' as const,
    maxPoints: rng.pick([10, 15, 20]),
  }))
  const responsibility = rng.sample(RESPONSIBILITY_PRINCIPLES, rng.int(1, 2)).map((text) => ({
    ...text,
    category: 'RESPONSIBILITY' as const,
    maxPoints: rng.pick([5, 10, 15]),
  }))
  return [...work, ...responsibility].map((p, position) => ({ ...p, position }))
}

/** When a semester's evaluation was opened, submitted and judged (accepted): towards its end. */
export function evaluationDates(semester: SemesterId) {
  const start = semesterStart(semester)
  return {
    createdAt: new Date(start + 95 * DAY),
    submittedAt: new Date(start + 125 * DAY),
    judgedAt: new Date(start + 140 * DAY),
    // The switch to QUIET that closed the semester and computed its community points.
    closedAt: new Date(start + 150 * DAY),
  }
}

/** A member's points for one principle: 0 (no cell) or 1..max, more for the diligent. */
function score(rng: Random, maxPoints: number, diligence: number, always: boolean): number {
  if (!always && !rng.chance(0.2 + 0.7 * diligence)) return 0
  const share = (0.25 + 0.75 * diligence) * (0.6 + 0.4 * rng.next())
  return Math.min(maxPoints, Math.max(1, Math.round(maxPoints * share)))
}

function cardFor(rng: Random, total: number): { type: EntryType; justification: string } {
  if (total >= 40 && rng.chance(0.05)) return { type: 'AB', justification: rng.pick(AB_JUSTIFICATIONS) }
  if (total >= 25 && rng.chance(0.12)) return { type: 'KB', justification: rng.pick(KB_JUSTIFICATIONS) }
  return { type: 'KDO', justification: '' }
}

export function planEvaluations(
  rng: Random,
  input: EvaluationInputs,
  communityPointsCap: number,
): EvaluationPlan {
  const plan: EvaluationPlan = { evaluations: [], principles: [], cells: [], cards: [], communityPoints: [] }
  // What PrismaAcceptedPointsSource would read back: each member's capped total, per group and semester.
  const accepted: AcceptedPoints[] = []
  const diligence = new Map(input.memberships.map((m) => [m.id, input.eager.has(m.userId) ? 1 : rng.next()]))
  for (const group of input.groups) {
    const templates = principlesOf(rng)
    const members = input.memberships.filter((m) => m.groupId === group.id)
    for (const semester of input.semesters) {
      const dates = evaluationDates(semester)
      if (group.createdAt > dates.createdAt.getTime() || group.skipped.includes(semester)) continue
      const serving = members.flatMap((m) => {
        const as = servedIn(m.path, m.times, semester, input.epoch)
        return as && input.away.get(m.userId) !== semester ? [{ ...m, as }] : []
      })
      if (serving.length === 0) continue
      const evaluationId = plan.evaluations.length + 1
      plan.evaluations.push({
        id: evaluationId,
        groupId: group.id,
        semester,
        report: rng.pick(REPORTS),
        ...dates,
      })
      const principles = templates.map((t) => ({
        ...t,
        id: plan.principles.length + 1 + t.position,
        evaluationId,
      }))
      plan.principles.push(...principles)
      const at = new Date(dates.submittedAt.getTime() - 2 * DAY)
      for (const member of serving) {
        const eager = input.eager.has(member.userId)
        const base = diligence.get(member.id) ?? 0
        const d = member.as === 'NEWBIE' ? base * 0.6 : base
        const cells = principles.flatMap((p) => {
          const value =
            p.category === 'WORK'
              ? score(rng, p.maxPoints, d, eager)
              : input.responsible.has(member.id)
                ? score(rng, p.maxPoints, 1, true)
                : score(rng, p.maxPoints, d * 0.15, false)
          return value > 0 ? [{ evaluationId, principleId: p.id, membershipId: member.id, value, at }] : []
        })
        const sums = { work: 0, responsibility: 0 }
        for (const cell of cells) {
          const category = principles.find((p) => p.id === cell.principleId)?.category
          if (category === 'WORK') sums.work += cell.value
          else sums.responsibility += cell.value
        }
        // A total the caps turn into 0 (1–2 points) would show as "0 points": leave such a member out.
        const { total } = capPoints(input.caps, sums)
        if (total === 0) continue
        plan.cells.push(...cells)
        accepted.push({ userId: member.userId, groupId: group.id, semester, points: total })
        const card = input.fixedCards.get(`${member.id} ${semester}`) ?? cardFor(rng, total)
        plan.cards.push({ evaluationId, membershipId: member.id, ...card, at })
      }
    }
  }
  // As the switch to QUIET that closed each semester computed them (CommunityPointsService).
  for (const semester of input.semesters) {
    const { closedAt } = evaluationDates(semester)
    for (const row of computeCommunityPoints(accepted, semester, communityPointsCap))
      plan.communityPoints.push({ ...row, semester, computedAt: closedAt })
  }
  return plan
}

const EVALUATION_COLUMNS: Column<PlannedEvaluation>[] = [
  { name: 'id', type: 'int', value: (e) => e.id },
  { name: 'groupId', type: 'int', value: (e) => e.groupId },
  { name: 'semester', type: 'text', value: (e) => e.semester },
  { name: 'pointStatus', type: '"RequestStatus"', value: () => 'ACCEPTED' },
  { name: 'entryStatus', type: '"RequestStatus"', value: () => 'ACCEPTED' },
  { name: 'report', type: 'text', value: (e) => e.report },
  { name: 'createdAt', type: 'timestamp(3)', value: (e) => e.createdAt },
  { name: 'updatedAt', type: 'timestamp(3)', value: (e) => e.judgedAt },
  { name: 'pointSubmittedAt', type: 'timestamp(3)', value: (e) => e.submittedAt },
  { name: 'entrySubmittedAt', type: 'timestamp(3)', value: (e) => e.submittedAt },
  { name: 'judgedAt', type: 'timestamp(3)', value: (e) => e.judgedAt },
]

const PRINCIPLE_COLUMNS: Column<PlannedPrinciple>[] = [
  { name: 'id', type: 'int', value: (p) => p.id },
  { name: 'evaluationId', type: 'int', value: (p) => p.evaluationId },
  { name: 'name', type: 'text', value: (p) => p.name },
  { name: 'description', type: 'text', value: (p) => p.description },
  { name: 'category', type: '"PrincipleCategory"', value: (p) => p.category },
  { name: 'maxPoints', type: 'int', value: (p) => p.maxPoints },
  { name: 'position', type: 'int', value: (p) => p.position },
]

const CELL_COLUMNS: Column<PlannedCell>[] = [
  { name: 'evaluationId', type: 'int', value: (c) => c.evaluationId },
  { name: 'principleId', type: 'int', value: (c) => c.principleId },
  { name: 'membershipId', type: 'int', value: (c) => c.membershipId },
  { name: 'value', type: 'int', value: (c) => c.value },
  { name: 'updatedAt', type: 'timestamp(3)', value: (c) => c.at },
]

const CARD_COLUMNS: Column<PlannedCard>[] = [
  { name: 'evaluationId', type: 'int', value: (c) => c.evaluationId },
  { name: 'membershipId', type: 'int', value: (c) => c.membershipId },
  { name: 'type', type: '"EntryType"', value: (c) => c.type },
  { name: 'justification', type: 'text', value: (c) => c.justification },
  { name: 'updatedAt', type: 'timestamp(3)', value: (c) => c.at },
]

const COMMUNITY_POINTS_COLUMNS: Column<PlannedCommunityPoints>[] = [
  { name: 'userId', type: 'int', value: (c) => c.userId },
  { name: 'semester', type: 'text', value: (c) => c.semester },
  { name: 'points', type: 'int', value: (c) => c.points },
  { name: 'groups', type: 'jsonb', value: (c) => JSON.stringify(c.groups) },
  { name: 'computedAt', type: 'timestamp(3)', value: (c) => c.computedAt },
]

type Executor = Parameters<typeof insertRows>[0]

/** Writes the planned evaluations and community points into `realmId`; the caller moves the id sequences on. */
export async function writeEvaluations(db: Executor, realmId: string, plan: EvaluationPlan): Promise<void> {
  await insertRows(db, 'Evaluation', realmId, EVALUATION_COLUMNS, plan.evaluations)
  await insertRows(db, 'Principle', realmId, PRINCIPLE_COLUMNS, plan.principles)
  await insertRows(db, 'PointCell', realmId, CELL_COLUMNS, plan.cells)
  await insertRows(db, 'EntryCard', realmId, CARD_COLUMNS, plan.cards)
  await insertRows(db, 'CommunityPoints', realmId, COMMUNITY_POINTS_COLUMNS, plan.communityPoints)
}
