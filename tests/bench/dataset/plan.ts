// The benchmark dataset, planned in memory from a fixed seed: the same scale gives the same rows on
// every machine (tests/factories/random.ts). ./load.ts writes it in bulk.
import { createRandom } from '../../factories/random'
import { type GroupRow, planGroups, planUsers, type UserRow } from './plan-directory'
import { type EvaluationPlan, planEvaluations } from './plan-evaluations'
import { type MembershipRow, type PostRow, planMemberships, planPosts } from './plan-memberships'
import type { Scale } from './scale'
import { type Timeline, timeline } from './timeline'

export interface DatasetPlan extends EvaluationPlan {
  scale: Scale
  time: Timeline
  users: UserRow[]
  groups: GroupRow[]
  memberships: MembershipRow[]
  posts: PostRow[]
  /** The alive groups by the number of members serving now, largest first. */
  largestGroups: number[]
}

const SEED = 20_261_201

export function planDataset(scale: Scale): DatasetPlan {
  const rng = createRandom(SEED)
  const time = timeline(scale.semesters)
  const users = planUsers(rng, scale.users, time)
  const groups = planGroups(rng, scale.groups, time, scale.semesters)
  const memberships = planMemberships(rng, groups, scale.users, scale.memberships, time)
  const posts = planPosts(groups, memberships)
  const serving = new Map<number, number>()
  for (const m of memberships) if (m.servingNow) serving.set(m.groupId, (serving.get(m.groupId) ?? 0) + 1)
  const largestGroups = groups
    .filter((g) => !g.archived && g.depth > 2)
    .sort((a, b) => (serving.get(b.id) ?? 0) - (serving.get(a.id) ?? 0) || a.id - b.id)
    .map((g) => g.id)
  const evaluations = planEvaluations(rng, groups, memberships, time, new Set(largestGroups.slice(0, 3)))
  return { scale, time, users, groups, memberships, posts, largestGroups, ...evaluations }
}
