// Who calls each entry point and with what, chosen from the dataset with a fixed seed: students
// (members serving some group now) browse the directory, popular groups (picked in proportion to
// their members), other members' profiles and names; the editors of the largest group open its
// point table; the council's leader reads the reviewers' list; the editors of the current
// evaluations save cells of their own group's table.
import { FAMILY_NAMES, GIVEN_NAMES } from '../../factories/names'
import { createRandom } from '../../factories/random'
import type { DatasetPlan } from '../dataset/plan'
import { ADMIN_USER, COUNCIL_USER } from '../dataset/plan-directory'
import type { EntryName } from './entry-points'

export interface Call {
  userId: number
  input: Record<string, unknown>
}

/** The next call of an entry point; a save depends on the ones before it, so this is stateful. */
export type Workload = () => Call

const STUDENTS = 300
const CALLS = 2_000

function roundRobin(calls: Call[]): Workload {
  let i = 0
  return () => {
    const call = calls[i++ % calls.length]
    if (!call) throw new Error('a workload without calls')
    return call
  }
}

/**
 * Saves of the current evaluations' cells by their editors: each call writes one cell, flipping it
 * between two values and naming the value it last wrote as `expected` (what the editor saw), so the
 * saves land instead of meeting the 409 of a changed cell. The cells come round again only after
 * every other one, long after their previous save was answered.
 */
function cellSaves(
  plan: DatasetPlan,
  editorsOf: Map<number, number[]>,
): { workload: (editors?: ReadonlySet<number>) => Workload; editors: number[] } {
  const current = plan.time.semesters.length - 1
  const serving = new Map<number, number[]>()
  for (const m of plan.memberships)
    if (m.servingNow) serving.set(m.groupId, [...(serving.get(m.groupId) ?? []), m.id])
  const stored = new Map(plan.cells.map((c) => [`${c.principleId}:${c.membershipId}`, c.value]))
  const principlesOf = new Map<number, { id: number; maxPoints: number }[]>()
  for (const p of plan.principles)
    principlesOf.set(p.evaluationId, [...(principlesOf.get(p.evaluationId) ?? []), p])
  const cells: { userId: number; ref: Record<string, number>; value: number; max: number }[] = []
  const editors = new Set<number>()
  for (const e of plan.evaluations) {
    if (e.semesterIndex !== current) continue
    const who = editorsOf.get(e.groupId) ?? []
    const members = serving.get(e.groupId) ?? []
    // A few rows of each table, so a large group does not take every save.
    for (const [i, membershipId] of members.slice(0, 12).entries())
      for (const p of principlesOf.get(e.id) ?? []) {
        const userId = who[i % Math.max(who.length, 1)]
        if (userId === undefined) continue
        editors.add(userId)
        const key = `${p.id}:${membershipId}`
        const ref = { groupId: e.groupId, evaluationId: e.id, principleId: p.id, membershipId }
        cells.push({ userId, ref, value: stored.get(key) ?? 0, max: p.maxPoints })
      }
  }
  // Shuffled (Fisher–Yates, seeded): the groups' saves interleave instead of coming in blocks.
  const shuffle = createRandom(8)
  for (let i = cells.length - 1; i > 0; i--) {
    const j = shuffle.int(0, i)
    const [a, b] = [cells[i], cells[j]]
    if (a && b) [cells[i], cells[j]] = [b, a]
  }
  // Views over the same cells: a save through one of them is the `expected` of the next save anywhere.
  const workload = (only?: ReadonlySet<number>): Workload => {
    const mine = only ? cells.filter((c) => only.has(c.userId)) : cells
    let i = 0
    return () => {
      const cell = mine[i++ % mine.length]
      if (!cell) throw new Error('no cells to save')
      const value = Math.min(cell.value === 1 ? 2 : 1, cell.max)
      const call = { userId: cell.userId, input: { ...cell.ref, value, expected: cell.value } }
      cell.value = value
      return call
    }
  }
  return { workload, editors: [...editors].sort((a, b) => a - b) }
}

export interface Workloads {
  byEntry: Record<EntryName, Workload>
  /** Editors opening their own group's point table (most groups are small): the mixed load's tables. */
  ownTables: Workload
  /** Everyone who calls: they get a session each. */
  users: number[]
  /** The editors who save cells, and the saves of some of them only (the "concurrent editors"). */
  editors: number[]
  savesOf(editors: ReadonlySet<number>): Workload
}

export function workloads(plan: DatasetPlan): Workloads {
  const rng = createRandom(80_000)
  const serving = plan.memberships.filter((m) => m.servingNow)
  const students = [...new Set(serving.map((m) => m.userId))]
    .filter((id) => id !== COUNCIL_USER && id !== ADMIN_USER)
    .sort((a, b) => a - b)
    .filter(() => rng.chance(0.5))
    .slice(0, STUDENTS)
  const pick = <T>(items: readonly T[]) => rng.pick(items)
  const calls = (make: (userId: number) => Record<string, unknown>) =>
    Array.from({ length: CALLS }, () => {
      const userId = pick(students)
      return { userId, input: make(userId) }
    })
  const popularGroup = () => pick(serving).groupId
  const someone = () => pick(plan.memberships).userId
  const term = () => {
    const roll = rng.next()
    if (roll < 0.3) return pick(FAMILY_NAMES)
    if (roll < 0.5) return pick(GIVEN_NAMES)
    if (roll < 0.8) return pick(FAMILY_NAMES).slice(0, 3).toLowerCase()
    return `${pick(FAMILY_NAMES)} ${pick(GIVEN_NAMES)}`
  }
  const kindsThatEdit = new Set(['LEADER', 'DEPUTY', 'EVALUATION_HELPER'])
  const membership = new Map(plan.memberships.map((m) => [m.id, m]))
  const editorsOf = new Map<number, number[]>()
  for (const post of plan.posts) {
    const m = membership.get(post.membershipId)
    if (m && kindsThatEdit.has(post.kind))
      editorsOf.set(m.groupId, [...(editorsOf.get(m.groupId) ?? []), m.userId])
  }
  const largest = plan.largestGroups[0]
  if (largest === undefined) throw new Error('the dataset has no group')
  const tableEditors = editorsOf.get(largest) ?? []
  const saves = cellSaves(plan, editorsOf)
  const byEntry: Record<EntryName, Workload> = {
    directory: roundRobin(calls(() => ({ status: 'active', filter: '' }))),
    group: roundRobin(calls(() => ({ groupId: popularGroup() }))),
    roster: roundRobin(calls(() => ({ groupId: popularGroup(), tab: 'active' }))),
    profile: roundRobin(calls(() => ({ userId: someone() }))),
    profileGroups: roundRobin(calls(() => ({ userId: someone() }))),
    search: roundRobin(calls(() => ({ q: term(), page: 1 }))),
    pointTable: roundRobin(tableEditors.map((userId) => ({ userId, input: { groupId: largest } }))),
    reviews: roundRobin([{ userId: COUNCIL_USER, input: {} }]),
    cellSave: saves.workload(),
  }
  const current = plan.time.semesters.length - 1
  const ownTables = plan.evaluations
    .filter((e) => e.semesterIndex === current)
    .flatMap((e) =>
      (editorsOf.get(e.groupId) ?? []).map((userId) => ({ userId, input: { groupId: e.groupId } })),
    )
  return {
    byEntry,
    ownTables: roundRobin(ownTables),
    users: [
      ...new Set([
        ...students,
        ...tableEditors,
        COUNCIL_USER,
        ...saves.editors,
        ...ownTables.map((c) => c.userId),
      ]),
    ],
    editors: saves.editors,
    savesOf: saves.workload,
  }
}
