// The demo dataset `pnpm dev` and `pnpm db:seed` load: deterministic (fixed seed), built in
// bulk with explicit ids so it loads in seconds. The demo accounts of the dev OIDC provider get
// the roles their descriptions promise (see src/server/auth/dev-oidc/demo-accounts.ts).

import { normalizeForSearch, searchTextOf } from '~/domains/user/search-text'
import type { MembershipStatus } from '~/generated/prisma/enums'
import { DEMO_ACCOUNTS, type DemoRoleKey } from '~/server/auth/dev-oidc/demo-accounts'
import { CIRCLE_NAMES, FAMILY_NAMES, GIVEN_NAMES, RESORT_NAMES } from './names'
import { createRandom, type Random } from './random'
import { type Db, ensureRealm, ensureSharedPostTypes } from './records'

export interface DemoDatasetOptions {
  realmId: string
  seed?: number
  users?: number
  membershipsPerCircle?: number
}

export interface DemoDatasetSummary {
  users: number
  groups: number
  memberships: number
  posts: number
}

const DAY = 86_400_000

/** The demo accounts the seed creates (the newcomer is created by his first login), as users 1…n. */
const demo = DEMO_ACCOUNTS.filter((a) => a.role.key !== 'newcomer')

const DIRECT_POLICIES: [DemoRoleKey, string][] = [
  ['council', 'RVT-elnök'],
  ['admin', 'PéK-adminisztrátor'],
]
const EPOCH = Date.UTC(2026, 8, 1)

/** Status paths a membership can have walked; the last entry is its current status. */
const PATHS: { weight: number; path: MembershipStatus[] }[] = [
  { weight: 40, path: ['PENDING', 'NEWBIE', 'ACTIVE'] },
  { weight: 10, path: ['PENDING', 'NEWBIE'] },
  { weight: 6, path: ['PENDING'] },
  { weight: 28, path: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER'] },
  { weight: 16, path: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER', 'ARCHIVED'] },
]

function pickPath(rng: Random): MembershipStatus[] {
  let roll = rng.int(1, 100)
  for (const p of PATHS) {
    roll -= p.weight
    if (roll <= 0) return p.path
  }
  return ['PENDING', 'NEWBIE', 'ACTIVE']
}

interface PlannedUser {
  id: number
  subject: string
  displayName: string
  screenName: string
  email: string
  firstName: string
  lastName: string
  nickname: string | null
  room: string
  cellPhone: string
  emailPublic: boolean
  roomPublic: boolean
}

const DORMITORY_ROOMS = { min: 101, max: 1820 }

interface Plan {
  users: PlannedUser[]
  groups: {
    id: number
    name: string
    purpose: 'COMMITTEE' | 'RESORT' | 'CIRCLE'
    parentId: number | null
    archived: boolean
    foundedYear: number
  }[]
  memberships: { id: number; groupId: number; userId: number; path: MembershipStatus[]; start: number }[]
  posts: {
    membershipId: number
    kind: 'LEADER' | 'RESORT_LEADER' | 'DEPUTY' | 'FINANCIAL_OFFICER' | 'EVALUATION_HELPER'
  }[]
}

function plan(options: Required<DemoDatasetOptions>): Plan {
  const rng = createRandom(options.seed)
  const person = (
    id: number,
    subject: string,
    firstName: string,
    lastName: string,
    email: string,
  ): PlannedUser => ({
    id,
    subject,
    displayName: `${lastName} ${firstName}`,
    screenName: `${normalizeForSearch(firstName).replace(/[^a-z]/g, '')}${id}`,
    email,
    firstName,
    lastName,
    nickname: rng.chance(0.2) ? `${firstName.slice(0, 3)}csi` : null,
    room: String(rng.int(DORMITORY_ROOMS.min, DORMITORY_ROOMS.max)),
    cellPhone: `+3630${String(rng.int(1_000_000, 9_999_999))}`,
    emailPublic: rng.chance(0.5),
    roomPublic: rng.chance(0.8),
  })
  const users: Plan['users'] = demo.map((a, i) =>
    person(i + 1, a.subject, a.givenName, a.familyName, a.email),
  )
  for (let id = users.length + 1; users.length < options.users; id++) {
    users.push(
      person(
        id,
        `seed-${String(id).padStart(5, '0')}`,
        rng.pick(GIVEN_NAMES),
        rng.pick(FAMILY_NAMES),
        `user${id}@pek.example`,
      ),
    )
  }

  const groups: Plan['groups'] = [
    {
      id: 1,
      name: 'Reszortvezetők Tanácsa',
      purpose: 'COMMITTEE',
      parentId: null,
      archived: false,
      foundedYear: 1995,
    },
  ]
  RESORT_NAMES.forEach((name, i) => {
    groups.push({
      id: i + 2,
      name,
      purpose: 'RESORT',
      parentId: 1,
      archived: false,
      foundedYear: rng.int(1995, 2010),
    })
  })
  CIRCLE_NAMES.forEach((name, i) => {
    groups.push({
      id: RESORT_NAMES.length + 2 + i,
      name,
      purpose: 'CIRCLE',
      parentId: 2 + (i % RESORT_NAMES.length),
      archived: i > 3 && rng.chance(0.08),
      foundedYear: rng.int(1998, 2025),
    })
  })

  const memberships: Plan['memberships'] = []
  const posts: Plan['posts'] = []
  const taken = new Set<string>()
  const addMembership = (groupId: number, userId: number, path: MembershipStatus[]) => {
    const key = `${groupId}:${userId}`
    if (taken.has(key)) return undefined
    taken.add(key)
    const id = memberships.length + 1
    memberships.push({ id, groupId, userId, path, start: EPOCH - rng.int(30, 1500) * DAY })
    return id
  }

  const role = (key: DemoRoleKey) => demo.findIndex((a) => a.role.key === key) + 1
  const active: MembershipStatus[] = ['PENDING', 'NEWBIE', 'ACTIVE']
  // The demo accounts' promised roles, placed first so random memberships cannot displace them.
  const leaderOf = new Map<number, number>([
    [1, role('council')],
    [2, role('resort')],
    [RESORT_NAMES.length + 2, role('leader')],
  ])
  for (const [groupId, userId] of leaderOf) {
    const id = addMembership(groupId, userId, active)
    if (id) posts.push({ membershipId: id, kind: 'LEADER' })
    // A resort's leader also holds the resort leader post: it grants judging the resort's circles.
    if (id && groups.find((g) => g.id === groupId)?.purpose === 'RESORT')
      posts.push({ membershipId: id, kind: 'RESORT_LEADER' })
  }
  for (const groupId of [RESORT_NAMES.length + 2, RESORT_NAMES.length + 3, RESORT_NAMES.length + 8]) {
    addMembership(groupId, role('student'), active)
  }
  addMembership(RESORT_NAMES.length + 4, role('admin'), active)

  for (const group of groups) {
    const count =
      group.purpose === 'CIRCLE'
        ? rng.int(options.membershipsPerCircle / 2, options.membershipsPerCircle * 1.5)
        : rng.int(8, 20)
    const ids: number[] = []
    for (let n = 0; n < count; n++) {
      const userId = rng.int(demo.length + 1, users.length)
      const path = group.archived
        ? (['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER'] as MembershipStatus[])
        : pickPath(rng)
      const id = addMembership(group.id, userId, path)
      if (id && path.at(-1) === 'ACTIVE') ids.push(id)
    }
    if (group.archived) continue
    const [leader, deputy, treasurer, helper] = ids
    if (!leaderOf.has(group.id) && leader) {
      posts.push({ membershipId: leader, kind: 'LEADER' })
      if (group.purpose === 'RESORT') posts.push({ membershipId: leader, kind: 'RESORT_LEADER' })
    }
    if (deputy) posts.push({ membershipId: deputy, kind: 'DEPUTY' })
    if (treasurer && rng.chance(0.6)) posts.push({ membershipId: treasurer, kind: 'FINANCIAL_OFFICER' })
    if (helper && rng.chance(0.5)) posts.push({ membershipId: helper, kind: 'EVALUATION_HELPER' })
  }
  return { users, groups, memberships, posts }
}

const CHUNK = 2000

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK))
}

/** Loads the demo dataset into an empty realm. Re-running on a filled realm fails on the first duplicate id. */
export async function loadDemoDataset(db: Db, input: DemoDatasetOptions): Promise<DemoDatasetSummary> {
  const options = { seed: 20261122, users: 2000, membershipsPerCircle: 130, ...input }
  const { realmId } = options
  const p = plan(options)
  await ensureRealm(db, realmId)
  const postTypes = await ensureSharedPostTypes(db, realmId)
  const postTypeId = new Map(postTypes.map((t) => [t.kind, t.id]))

  await db.$transaction(
    async (tx) => {
      await inChunks(p.users, (chunk) =>
        tx.user.createMany({
          data: chunk.map((u) => ({
            id: u.id,
            realmId,
            subject: u.subject,
            displayName: u.displayName,
            email: u.email,
            screenName: u.screenName,
            screenNameKey: u.screenName.toLowerCase(),
            lastLoginAt: new Date(EPOCH),
          })),
        }),
      )
      await inChunks(p.users, (chunk) =>
        tx.profile.createMany({
          data: chunk.map((u) => ({
            userId: u.id,
            realmId,
            dormitory: 'SCHONHERZ' as const,
            firstName: u.firstName,
            lastName: u.lastName,
            nickname: u.nickname,
            room: u.room,
            cellPhone: u.cellPhone,
            emailPublic: u.emailPublic,
            roomPublic: u.roomPublic,
            ...searchTextOf(u),
          })),
        }),
      )
      // Parents before children: the rows are planned top-down.
      await tx.group.createMany({
        data: p.groups.map((g) => ({
          ...g,
          realmId,
          shortDescription: `${g.name} – a Schönherz közösségéért.`,
        })),
      })
      await inChunks(p.memberships, (chunk) =>
        tx.membership.createMany({
          data: chunk.map((m) => ({
            id: m.id,
            realmId,
            groupId: m.groupId,
            userId: m.userId,
            createdAt: new Date(m.start),
          })),
        }),
      )
      const events = p.memberships.flatMap((m) =>
        m.path.map((status, i) => ({
          realmId,
          membershipId: m.id,
          status,
          at: new Date(m.start + i * 30 * DAY),
        })),
      )
      await inChunks(events, (chunk) => tx.membershipEvent.createMany({ data: chunk }))
      await inChunks(p.posts, (chunk) =>
        tx.post.createMany({
          data: chunk.map((post) => ({
            realmId,
            membershipId: post.membershipId,
            postTypeId: postTypeId.get(post.kind) ?? 0,
          })),
        }),
      )
      // The demo accounts' roles that come from assignments rather than posts (the standard
      // policies are seeded by the hub_reference_data migration).
      for (const [key, policy] of DIRECT_POLICIES) {
        const { id: policyId } = await tx.policy.findUniqueOrThrow({
          where: { realmId_name: { realmId, name: policy } },
          select: { id: true },
        })
        const userId = demo.findIndex((a) => a.role.key === key) + 1
        await tx.policyAssignment.create({ data: { realmId, policyId, userId } })
      }
      // Explicit ids leave the serial sequences behind; move them past the loaded rows.
      for (const table of ['User', 'Group', 'Membership']) {
        await tx.$executeRawUnsafe(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`,
        )
      }
    },
    { timeout: 120_000 },
  )
  return {
    users: p.users.length,
    groups: p.groups.length,
    memberships: p.memberships.length,
    posts: p.posts.length,
  }
}
