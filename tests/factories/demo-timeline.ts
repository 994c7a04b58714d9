// When things happened in the demo dataset: the semesters' dates (the bench's dataset keeps the same
// calendar) and each membership's timeline, all counted back from the start of the realm's current
// semester. Pure.
import {
  nextSemester,
  previousSemester,
  type SemesterId,
  semesterParts,
} from '~/domains/semester/semester-id'
import type { MembershipStatus } from '~/generated/prisma/enums'
import type { Random } from './random'

export const DAY = 86_400_000

/**
 * When a semester begins: 1 September (autumn) or 1 February (spring), at 10:00 UTC — the same day
 * on the Budapest calendar (semester-id.ts), whatever the season's offset.
 */
export function semesterStart(id: SemesterId): number {
  const { startYear, half } = semesterParts(id)
  return half === 1 ? Date.UTC(startYear, 8, 1, 10) : Date.UTC(startYear + 1, 1, 1, 10)
}

export const semesterEnd = (id: SemesterId) => semesterStart(nextSemester(id))

/** The `count` semesters before `current`, oldest first. */
export function semestersBefore(current: SemesterId, count: number): SemesterId[] {
  const result: SemesterId[] = []
  for (let s = previousSemester(current); result.length < count; s = previousSemester(s)) result.unshift(s)
  return result
}

/** Days a membership stays in a status before the next one of its path: the usual spread. */
const STAY: Record<MembershipStatus, [number, number]> = {
  // An application is decided within a few weeks.
  PENDING: [3, 20],
  // About a semester as a newbie.
  NEWBIE: [110, 170],
  // One to four semesters active.
  ACTIVE: [150, 800],
  FORMER: [90, 500],
  ARCHIVED: [90, 500],
  WITHDRAWN: [30, 300],
  REJECTED: [30, 300],
}

/** Days since the last change, by the status the membership is in now. */
const SINCE: Record<MembershipStatus, [number, number]> = {
  PENDING: [1, 40],
  NEWBIE: [5, 120],
  ACTIVE: [20, 700],
  FORMER: [20, 700],
  ARCHIVED: [20, 700],
  WITHDRAWN: [20, 300],
  REJECTED: [20, 300],
}

export interface TimelineInput {
  path: readonly MembershipStatus[]
  /** How long before `epoch` the membership would begin, in days; a young group shortens it. */
  startDaysAgo: number
  /** The start of the current semester: every status change happened before it. */
  epoch: number
  /** No membership begins before its group was created. */
  groupCreatedAt: number
}

const sum = (days: readonly number[]) => days.reduce((total, d) => total + d, 0)

/**
 * When each status of the path began (ms, one per status). Each status lasts its usual time (the
 * current one: since the last change); a span too short for them squeezes them all, and the time a
 * longer span leaves over is spent active. An application still waiting or a newbie still new thus
 * began recently, whatever `startDaysAgo` says.
 */
export function membershipTimeline(rng: Random, input: TimelineInput): number[] {
  const { path, epoch } = input
  const days = path.map((status, i) => {
    const [min, max] = (i === path.length - 1 ? SINCE : STAY)[status]
    return rng.int(min, max)
  })
  const groupAge = Math.floor((epoch - input.groupCreatedAt) / DAY) - 1
  const span = Math.max(path.length, Math.min(input.startDaysAgo, groupAge - path.length))
  const planned = sum(days)
  const active = path.indexOf('ACTIVE')
  if (planned > span) {
    const factor = span / planned
    for (let i = 0; i < days.length; i++) days[i] = Math.max(1, Math.floor((days[i] ?? 0) * factor))
  } else if (active >= 0) days[active] = (days[active] ?? 0) + span - planned
  const times = [epoch - sum(days) * DAY]
  for (const d of days.slice(0, -1)) times.push((times.at(-1) ?? 0) + d * DAY)
  return times
}

/** How a member served in a semester: not at all (under a month), mostly as a newbie, or active. */
export function servedIn(
  path: readonly MembershipStatus[],
  times: readonly number[],
  semester: SemesterId,
  epoch: number,
): 'NEWBIE' | 'ACTIVE' | null {
  const from = semesterStart(semester)
  const to = semesterEnd(semester)
  const served = { NEWBIE: 0, ACTIVE: 0 }
  path.forEach((status, i) => {
    if (status !== 'NEWBIE' && status !== 'ACTIVE') return
    const begins = times[i] ?? epoch
    const ends = times[i + 1] ?? epoch
    served[status] += Math.max(0, Math.min(ends, to) - Math.max(begins, from))
  })
  if (served.NEWBIE + served.ACTIVE < 30 * DAY) return null
  return served.NEWBIE > served.ACTIVE ? 'NEWBIE' : 'ACTIVE'
}
