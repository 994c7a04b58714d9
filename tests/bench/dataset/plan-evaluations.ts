// The semesters of evaluations of the benchmark dataset: past ones judged (most accepted), the
// current one a draft being filled in (SUBMISSION). Each evaluation has a few principles; most
// members who served that semester got points for some of them, a few a colored entry card.
import type { EntryType, PrincipleCategory, RequestStatus } from '~/generated/prisma/enums'
import type { Random } from '../../factories/random'
import type { GroupRow } from './plan-directory'
import type { MembershipRow } from './plan-memberships'
import { days, type Timeline } from './timeline'

export interface EvaluationRow {
  id: number
  groupId: number
  semesterIndex: number
  pointStatus: RequestStatus
  entryStatus: RequestStatus
  createdAt: number
  submittedAt: number | null
  judgedAt: number | null
}

export interface PrincipleRow {
  id: number
  evaluationId: number
  name: string
  category: PrincipleCategory
  maxPoints: number
  position: number
}

export interface CellRow {
  evaluationId: number
  principleId: number
  membershipId: number
  value: number
}

export interface EntryCardRow {
  evaluationId: number
  membershipId: number
  type: EntryType
  final: boolean
}

export interface EvaluationPlan {
  evaluations: EvaluationRow[]
  principles: PrincipleRow[]
  cells: CellRow[]
  entryCards: EntryCardRow[]
}

const PRINCIPLE_NAMES = ['Munka', 'Felelősség', 'Rendezvények', 'Körélet', 'Szakmai munka', 'Mentorálás']

/** How likely a serving member got points: judged semesters are complete, the draft is half done. */
const HAS_POINTS = { past: 0.8, draft: 0.5 }
const CELL_FILLED = 0.75

export function planEvaluations(
  rng: Random,
  groups: GroupRow[],
  memberships: MembershipRow[],
  time: Timeline,
  largest: ReadonlySet<number>,
): EvaluationPlan {
  const plan: EvaluationPlan = { evaluations: [], principles: [], cells: [], entryCards: [] }
  const current = time.semesters.length - 1
  const byGroup = new Map<number, MembershipRow[]>()
  for (const m of memberships) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m])
  for (let index = 0; index <= current; index++) {
    const draft = index === current
    for (const g of groups) {
      const serving = (byGroup.get(g.id) ?? []).filter((m) => m.servedFrom <= index && m.servedUntil >= index)
      if (serving.length === 0) continue
      // The largest groups always have their current evaluation open (the point table under load).
      if (!(draft && largest.has(g.id)) && !rng.chance(draft ? 0.85 : 0.9)) continue
      const id = plan.evaluations.length + 1
      const start = time.start(index)
      const status: RequestStatus = draft ? 'NOT_SUBMITTED' : rng.chance(0.96) ? 'ACCEPTED' : 'REJECTED'
      plan.evaluations.push({
        id,
        groupId: g.id,
        semesterIndex: index,
        pointStatus: status,
        entryStatus: draft ? 'NOT_SUBMITTED' : 'ACCEPTED',
        createdAt: start + days(rng.int(20, 60)),
        submittedAt: draft ? null : start + days(120),
        judgedAt: draft ? null : start + days(130),
      })
      const principles: PrincipleRow[] = []
      const count = rng.int(2, 5)
      for (let position = 0; position < count; position++) {
        principles.push({
          id: plan.principles.length + principles.length + 1,
          evaluationId: id,
          name: PRINCIPLE_NAMES[position] ?? `Elv ${position + 1}`,
          category:
            position === 0
              ? 'WORK'
              : position === 1
                ? 'RESPONSIBILITY'
                : rng.pick(['WORK', 'RESPONSIBILITY']),
          maxPoints: rng.int(10, 30),
          position,
        })
      }
      plan.principles.push(...principles)
      for (const m of serving) {
        if (!rng.chance(draft ? HAS_POINTS.draft : HAS_POINTS.past)) continue
        for (const p of principles)
          if (rng.chance(CELL_FILLED))
            plan.cells.push({
              evaluationId: id,
              principleId: p.id,
              membershipId: m.id,
              value: rng.int(1, p.maxPoints),
            })
        if (rng.chance(0.1))
          plan.entryCards.push({
            evaluationId: id,
            membershipId: m.id,
            type: rng.chance(0.75) ? 'KB' : 'AB',
            final: !draft,
          })
      }
    }
  }
  return plan
}
