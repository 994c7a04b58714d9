// Memberships with their status history and the posts of the benchmark dataset. Group sizes follow
// a Zipf-like curve (a few circles with a thousand and more memberships over the years, most with a
// few dozen); each membership starts in some semester, serves a few semesters and may end.
import type { MembershipStatus, PostKind } from '~/generated/prisma/enums'
import type { Random } from '../../factories/random'
import { COUNCIL_USER, type GroupRow, isRegistered } from './plan-directory'
import { BEFORE_WINDOW, days, type Timeline } from './timeline'

export interface MembershipRow {
  id: number
  groupId: number
  userId: number
  createdAt: number
  events: { status: MembershipStatus; at: number }[]
  /** Semester indexes in which the member served (NEWBIE or ACTIVE), within the window. */
  servedFrom: number
  servedUntil: number
  /** Serving now (NEWBIE or ACTIVE): a row of the current point table. */
  servingNow: boolean
  /** Semesters served before the current one, for the choice of posts: the senior ones lead. */
  seniority: number
}

export interface PostRow {
  membershipId: number
  kind: PostKind
}

/** The size curve's exponent: with 400 groups the largest holds about 4% of all memberships. */
const ZIPF = 0.6

function sizes(rng: Random, groups: GroupRow[], total: number): Map<number, number> {
  const result = new Map<number, number>()
  let left = total
  for (const g of groups)
    if (g.depth <= 2) {
      const n = rng.int(8, 20)
      result.set(g.id, n)
      left -= n
    }
  // Which circle is large is random, but never an archived one: the largest ones are alive.
  const ranked = groups
    .filter((g) => g.depth > 2)
    .map((g) => ({ g, key: rng.next() + (g.archived ? 1 : 0) }))
    .sort((a, b) => a.key - b.key)
    .map(({ g }) => g)
  const weights = ranked.map((_, rank) => 1 / (rank + 1) ** ZIPF)
  const sum = weights.reduce((a, b) => a + b, 0)
  ranked.forEach((g, rank) => {
    result.set(g.id, Math.max(3, Math.round((left * (weights[rank] ?? 0)) / sum)))
  })
  return result
}

/** One membership's history: applied in `from`, served `length` semesters (if accepted), maybe archived. */
function history(
  rng: Random,
  time: Timeline,
  from: number,
  lastIndex: number,
  endBy: number | null,
): Omit<MembershipRow, 'id' | 'groupId' | 'userId'> {
  const applied = time.start(from) + days(rng.int(0, 20))
  const events: MembershipRow['events'] = [{ status: 'PENDING', at: applied }]
  const base = { createdAt: applied, events, servedFrom: 0, servedUntil: -1, servingNow: false, seniority: 0 }
  const roll = rng.next()
  if (roll < 0.03) {
    events.push({ status: rng.chance(0.5) ? 'REJECTED' : 'WITHDRAWN', at: applied + days(10) })
    return base
  }
  if (from === lastIndex && roll < 0.25) return base
  events.push({ status: 'NEWBIE', at: applied + days(14) })
  let end = from + rng.int(1, 7)
  if (endBy !== null) end = Math.min(end, endBy)
  if (from + 1 <= lastIndex && end > from + 1)
    events.push({ status: 'ACTIVE', at: time.start(from + 1) + days(rng.int(0, 10)) })
  if (end <= lastIndex) {
    events.push({ status: 'FORMER', at: time.start(end) + days(rng.int(0, 20)) })
    if (end + 2 <= lastIndex && rng.chance(0.5))
      events.push({ status: 'ARCHIVED', at: time.start(end + 2) + days(rng.int(0, 20)) })
  }
  return {
    ...base,
    servedFrom: Math.max(from, 0),
    servedUntil: Math.min(end, lastIndex + 1) - 1,
    servingNow: end > lastIndex,
    seniority: Math.min(end, lastIndex) - from,
  }
}

export function planMemberships(
  rng: Random,
  groups: GroupRow[],
  users: number,
  total: number,
  time: Timeline,
): MembershipRow[] {
  const lastIndex = time.semesters.length - 1
  const bySize = sizes(rng, groups, total)
  const rows: MembershipRow[] = []
  // The council leader has served the council (the root) since before the window.
  const joined = time.start(-BEFORE_WINDOW)
  rows.push({
    id: 1,
    groupId: 1,
    userId: COUNCIL_USER,
    createdAt: joined,
    events: [
      { status: 'PENDING', at: joined },
      { status: 'NEWBIE', at: joined + days(14) },
      { status: 'ACTIVE', at: time.start(1 - BEFORE_WINDOW) },
    ],
    servedFrom: 0,
    servedUntil: lastIndex,
    servingNow: true,
    seniority: lastIndex + BEFORE_WINDOW,
  })
  for (const g of groups) {
    const taken = new Set(g.id === 1 ? [COUNCIL_USER] : [])
    const n = Math.min(bySize.get(g.id) ?? 0, Math.floor(users * 0.9))
    const last = g.archivedAt === null ? lastIndex : g.archivedAt - 1
    for (let i = 0; i < n; i++) {
      let userId = rng.int(3, users)
      while (taken.has(userId) || !isRegistered(userId)) userId = rng.int(3, users)
      taken.add(userId)
      const from = rng.int(Math.max(g.firstSemester, -BEFORE_WINDOW), last)
      rows.push({
        id: rows.length + 1,
        groupId: g.id,
        userId,
        ...history(rng, time, from, lastIndex, g.archivedAt),
      })
    }
  }
  return rows
}

/**
 * The posts a group's serving members hold: the most senior leads (and leads the resort, for a
 * resort), then a deputy, evaluation helpers (two in a large group) and a treasurer; the last
 * former member to leave is the former leader.
 */
export function planPosts(groups: GroupRow[], memberships: MembershipRow[]): PostRow[] {
  const byGroup = new Map<number, MembershipRow[]>()
  for (const m of memberships) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m])
  const posts: PostRow[] = []
  for (const g of groups) {
    if (g.archived) continue
    const members = byGroup.get(g.id) ?? []
    const serving = members
      .filter((m) => m.servingNow)
      .sort((a, b) => b.seniority - a.seniority || a.id - b.id)
    const [leader, deputy, helper, treasurer, secondHelper] =
      g.id === 1 ? [members[0], ...serving.filter((m) => m.id !== 1)] : serving
    if (leader) {
      posts.push({ membershipId: leader.id, kind: 'LEADER' })
      if (g.purpose === 'RESORT') posts.push({ membershipId: leader.id, kind: 'RESORT_LEADER' })
    }
    if (deputy) posts.push({ membershipId: deputy.id, kind: 'DEPUTY' })
    if (helper) posts.push({ membershipId: helper.id, kind: 'EVALUATION_HELPER' })
    if (treasurer) posts.push({ membershipId: treasurer.id, kind: 'FINANCIAL_OFFICER' })
    if (secondHelper && serving.length > 100)
      posts.push({ membershipId: secondHelper.id, kind: 'EVALUATION_HELPER' })
    const former = members
      .filter((m) => !m.servingNow && m.servedUntil >= 0)
      .reduce<MembershipRow | undefined>(
        (last, m) => (last && last.servedUntil >= m.servedUntil ? last : m),
        undefined,
      )
    if (former) posts.push({ membershipId: former.id, kind: 'FORMER_LEADER' })
  }
  return posts
}
