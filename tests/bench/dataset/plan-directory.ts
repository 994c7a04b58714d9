// The users and the group tree of the benchmark dataset, from the demo data's names and seeded
// random (tests/factories). The tree is the dormitory's: the council at the root, the resorts below
// it, circles below those, and their subgroups and projects down to depth 5.
import { searchTextOf } from '~/domains/user/search-text'
import type { GroupPurpose } from '~/generated/prisma/enums'
import { CIRCLE_NAMES, FAMILY_NAMES, GIVEN_NAMES, RESORT_NAMES } from '../../factories/names'
import type { Random } from '../../factories/random'
import { type ResidentDetails, residentDetails, seededScreenName } from '../../factories/residents'
import { BEFORE_WINDOW, days, type Timeline } from './timeline'

export interface UserRow extends ResidentDetails {
  id: number
  subject: string
  displayName: string
  email: string
  screenName: string | null
  lastLoginAt: number | null
  firstName: string
  lastName: string
  searchPublic: string
  searchFull: string
}

export interface GroupRow {
  id: number
  name: string
  purpose: GroupPurpose
  parentId: number | null
  depth: number
  archived: boolean
  foundedYear: number
  createdAt: number
  /** The first semester index with members (negative: before the window). */
  firstSemester: number
  /** An archived group's members left by this semester index; it evaluated only before it. */
  archivedAt: number | null
}

/** The council leader and the PéK admin come first; the rest are students. */
export const COUNCIL_USER = 1
export const ADMIN_USER = 2

/** Every 33rd user logged in once and never chose a screen name: no profile page, no memberships. */
export const isRegistered = (userId: number) => userId % 33 !== 0

export function planUsers(rng: Random, count: number, time: Timeline): UserRow[] {
  const users: UserRow[] = []
  for (let id = 1; id <= count; id++) {
    const firstName = rng.pick(GIVEN_NAMES)
    const lastName = rng.pick(FAMILY_NAMES)
    const registered = isRegistered(id)
    const row = {
      id,
      subject: `bench-${String(id).padStart(5, '0')}`,
      displayName: `${lastName} ${firstName}`,
      email: `user${id}@pek.example`,
      screenName: registered ? seededScreenName(firstName, id) : null,
      lastLoginAt: rng.chance(0.9) ? time.now - days(rng.int(0, 400)) : null,
      firstName,
      lastName,
      ...residentDetails(rng, firstName),
    }
    users.push({ ...row, ...searchTextOf(row) })
  }
  return users
}

const SUBGROUP_WORDS = [
  'Műhely',
  'Csapat',
  'Szekció',
  'Labor',
  'Stúdió',
  'Projekt',
  'Rendezvény',
  'Tanfolyam',
]

/** Of the groups below the resorts: this share at depth 3, then depth 4; the rest at depth 5. */
const DEPTH_SHARES = [0.55, 0.3] as const

export function planGroups(rng: Random, count: number, time: Timeline, semesters: number): GroupRow[] {
  const old = time.start(-BEFORE_WINDOW) - days(365)
  type Placed = Omit<GroupRow, 'foundedYear' | 'createdAt' | 'archived' | 'archivedAt' | 'firstSemester'>
  const group = (o: Placed): GroupRow => {
    // A tenth of the groups below the resorts were founded within the window; a few older ones
    // have been archived since.
    const firstSemester = o.depth >= 3 && rng.chance(0.1) ? rng.int(0, semesters - 1) : -BEFORE_WINDOW
    const archivedAt =
      o.depth >= 3 && firstSemester < 0 && rng.chance(0.06) ? rng.int(2, semesters - 2) : null
    const createdAt = firstSemester < 0 ? old - days(rng.int(0, 5000)) : time.start(firstSemester)
    return {
      ...o,
      archived: archivedAt !== null,
      archivedAt,
      firstSemester,
      foundedYear: new Date(createdAt).getUTCFullYear(),
      createdAt,
    }
  }
  const groups: GroupRow[] = [
    group({ id: 1, name: 'Reszortvezetők Tanácsa', purpose: 'COMMITTEE', parentId: null, depth: 1 }),
  ]
  const resorts = RESORT_NAMES.map((name, i) =>
    group({ id: i + 2, name, purpose: 'RESORT', parentId: 1, depth: 2 }),
  )
  groups.push(...resorts)
  const below = count - groups.length
  const atDepth = [Math.round(below * DEPTH_SHARES[0]), Math.round(below * DEPTH_SHARES[1])]
  const levels: GroupRow[][] = [resorts]
  for (let depth = 3; depth <= 5; depth++) {
    const parents = levels[levels.length - 1] ?? []
    const n = depth === 5 ? count - groups.length : (atDepth[depth - 3] ?? 0)
    const level: GroupRow[] = []
    for (let i = 0; i < n; i++) {
      const parent = rng.pick(parents)
      const id = groups.length + 1
      const name =
        depth === 3
          ? `${CIRCLE_NAMES[i % CIRCLE_NAMES.length]}${i >= CIRCLE_NAMES.length ? ` ${Math.floor(i / CIRCLE_NAMES.length) + 1}` : ''}`
          : `${parent.name} – ${rng.pick(SUBGROUP_WORDS)} ${i + 1}`
      const row = group({ id, name, purpose: depth === 3 ? 'CIRCLE' : 'PROJECT', parentId: parent.id, depth })
      level.push(row)
      groups.push(row)
    }
    levels.push(level)
  }
  return groups
}
