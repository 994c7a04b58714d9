// The demo dataset `pnpm dev` and `pnpm db:seed` load: deterministic (fixed seed), built in
// bulk with explicit ids so it loads in seconds. The demo accounts of the dev OIDC provider get
// the roles their descriptions promise (see src/server/auth/dev-oidc/demo-accounts.ts).
//
// It tells a story up to the realm's current semester (its settings row): groups founded over the
// years (two during the last semester), memberships begun over several semesters, the past semesters'
// accepted evaluations with the community points they gave (./demo-evaluations.ts). A few groups
// stopped evaluating, so the directory calls them probably inactive. The current semester's
// evaluations are left to the people using the demo (and to the e2e specs, which start them).

import 'reflect-metadata'
import { previousSemester, semesterParts } from '~/domains/semester/semester-id'
import { type SemesterSettings, SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { screenNameKey } from '~/domains/user/registration.schema'
import { searchTextOf } from '~/domains/user/search-text'
import type { MembershipStatus } from '~/generated/prisma/enums'
import { DEMO_ACCOUNTS, type DemoRoleKey } from '~/server/auth/dev-oidc/demo-accounts'
import { withRealmGuard } from '~/server/db/client'
import { sqlThrough } from '~/server/db/sql'
import { advanceSequence, type Column, insertRows } from './bulk-insert'
import { type EvaluationPlan, planEvaluations, writeEvaluations } from './demo-evaluations'
import { DAY, membershipTimeline, semesterStart, semestersBefore } from './demo-timeline'
import { CIRCLE_NAMES, FAMILY_NAMES, GIVEN_NAMES, RESORT_NAMES } from './names'
import { createRandom, type Random } from './random'
import { type Db, ensureRealm, ensureSharedPostTypes } from './records'
import { profileColumns, type ResidentDetails, residentDetails, seededScreenName } from './residents'

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
  evaluations: number
  communityPoints: number
}

/** How many semesters before the current one have accepted evaluations. */
const PAST_SEMESTERS = 4
/** Circles that stopped evaluating before the last two semesters (probably inactive), and circles
 * founded during the previous semester (too young to be called inactive). */
const ASLEEP_CIRCLES = 4
const YOUNG_CIRCLES = 2
/** Circles whose ids the demo accounts' stories and the e2e specs use: never asleep or young. */
const STORY_CIRCLES = 8

/** The demo accounts the seed creates (the newcomer is created by his first login), as users 1…n. */
const demo = DEMO_ACCOUNTS.filter((a) => a.role.key !== 'newcomer')

const DIRECT_POLICIES: [DemoRoleKey, string][] = [
  ['council', 'RVT-elnök'],
  ['admin', 'PéK-adminisztrátor'],
]
const KIR_DEV = RESORT_NAMES.length + 2

/** Since when each demo account serves its groups, in semesters before the current one. */
const DEMO_JOINED: { role: DemoRoleKey; groupId: number; semestersAgo: number }[] = [
  { role: 'council', groupId: 1, semestersAgo: 8 },
  { role: 'resort', groupId: 2, semestersAgo: 6 },
  { role: 'leader', groupId: KIR_DEV, semestersAgo: 6 },
  { role: 'student', groupId: KIR_DEV, semestersAgo: 4 },
  { role: 'student', groupId: KIR_DEV + 1, semestersAgo: 3 },
  { role: 'student', groupId: KIR_DEV + 6, semestersAgo: 2 },
  { role: 'admin', groupId: KIR_DEV + 2, semestersAgo: 5 },
]

/** The colored entry card Kovács Anna earned in Kir-Dev two semesters ago. */
const ANNA_CARD = {
  type: 'KB' as const,
  justification: 'Ő tartotta a Kir-Dev webfejlesztő tanfolyamát, és három újoncot mentorált.',
}

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

interface PlannedUser extends ResidentDetails {
  id: number
  subject: string
  displayName: string
  screenName: string
  email: string
  firstName: string
  lastName: string
}

interface PlannedGroup {
  id: number
  name: string
  purpose: 'COMMITTEE' | 'RESORT' | 'CIRCLE'
  parentId: number | null
  archived: boolean
  foundedYear: number
}

interface PlannedMembership {
  id: number
  groupId: number
  userId: number
  path: MembershipStatus[]
  /** How long before the current semester it would begin (days); the story may shorten it. */
  startDaysAgo: number
}

/** Who is who: users, groups, memberships and posts, before any dates. */
interface Plan {
  users: PlannedUser[]
  groups: PlannedGroup[]
  memberships: PlannedMembership[]
  posts: {
    membershipId: number
    kind: 'LEADER' | 'RESORT_LEADER' | 'DEPUTY' | 'FINANCIAL_OFFICER' | 'EVALUATION_HELPER'
  }[]
}

/** The demo account with this role, as a user id (the seed creates them as users 1…n). */
const demoUserId = (key: DemoRoleKey) => demo.findIndex((a) => a.role.key === key) + 1

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
    screenName: seededScreenName(firstName, id),
    email,
    firstName,
    lastName,
    ...residentDetails(rng, firstName),
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
    memberships.push({ id, groupId, userId, path, startDaysAgo: rng.int(30, 1500) })
    return id
  }

  const active: MembershipStatus[] = ['PENDING', 'NEWBIE', 'ACTIVE']
  // The demo accounts' promised roles, placed first so random memberships cannot displace them.
  const leaderOf = new Map<number, number>([
    [1, demoUserId('council')],
    [2, demoUserId('resort')],
    [KIR_DEV, demoUserId('leader')],
  ])
  for (const [groupId, userId] of leaderOf) {
    const id = addMembership(groupId, userId, active)
    if (id) posts.push({ membershipId: id, kind: 'LEADER' })
    // A resort's leader also holds the resort leader post: it grants judging the resort's circles.
    if (id && groups.find((g) => g.id === groupId)?.purpose === 'RESORT')
      posts.push({ membershipId: id, kind: 'RESORT_LEADER' })
  }
  for (const groupId of [KIR_DEV, KIR_DEV + 1, KIR_DEV + 6])
    addMembership(groupId, demoUserId('student'), active)
  addMembership(KIR_DEV + 2, demoUserId('admin'), active)

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

/** The plan with dates, counted back from the current semester, and the past evaluations. */
interface Story {
  groups: (PlannedGroup & { createdAt: number })[]
  memberships: (PlannedMembership & { times: number[] })[]
  evaluations: EvaluationPlan
}

function tellStory(p: Plan, seed: number, settings: SemesterSettings): Story {
  const rng = createRandom(seed + 1)
  const current = settings.semester
  const epoch = semesterStart(current)
  const semesters = semestersBefore(current, PAST_SEMESTERS)
  const circles = p.groups.filter(
    (g) => g.purpose === 'CIRCLE' && !g.archived && g.id >= KIR_DEV + STORY_CIRCLES,
  )
  // The asleep evaluated before they fell asleep: they are older than the past semesters.
  const firstYear = semesterParts(semesters[0] ?? current).startYear
  const asleep = new Set(
    rng.sample(
      circles.filter((g) => g.foundedYear < firstYear).map((g) => g.id),
      ASLEEP_CIRCLES,
    ),
  )
  const young = new Set(
    rng.sample(
      circles.filter((g) => !asleep.has(g.id)).map((g) => g.id),
      YOUNG_CIRCLES,
    ),
  )
  const groups = p.groups.map((g) => {
    if (!young.has(g.id)) return { ...g, createdAt: Date.UTC(g.foundedYear, 8, 1, 10) + rng.int(0, 60) * DAY }
    const createdAt = semesterStart(previousSemester(current)) + rng.int(10, 40) * DAY
    return { ...g, foundedYear: new Date(createdAt).getUTCFullYear(), createdAt }
  })
  const createdAt = new Map(groups.map((g) => [g.id, g.createdAt]))
  const joined = new Map(DEMO_JOINED.map((j) => [`${j.groupId} ${demoUserId(j.role)}`, j.semestersAgo]))
  const memberships = p.memberships.map((m) => {
    const semestersAgo = joined.get(`${m.groupId} ${m.userId}`)
    const joinedIn = semestersAgo === undefined ? undefined : semestersBefore(current, semestersAgo)[0]
    // The demo accounts joined a week into their semester.
    const startDaysAgo = joinedIn ? Math.round((epoch - semesterStart(joinedIn)) / DAY) - 7 : m.startDaysAgo
    const groupCreatedAt = createdAt.get(m.groupId) ?? epoch
    return { ...m, times: membershipTimeline(rng, { path: m.path, startDaysAgo, epoch, groupCreatedAt }) }
  })

  const student = demoUserId('student')
  const annaInKirDev = memberships.find((m) => m.groupId === KIR_DEV && m.userId === student)
  const evaluations = planEvaluations(
    createRandom(seed + 2),
    {
      semesters,
      epoch,
      caps: settings.caps,
      groups: groups.map((g) => ({
        id: g.id,
        createdAt: g.createdAt,
        skipped: asleep.has(g.id) ? semesters.slice(-2) : [],
      })),
      memberships,
      responsible: new Set(p.posts.map((post) => post.membershipId)),
      eager: new Set(demo.map((_, i) => i + 1)),
      // Kovács Anna spent the previous semester abroad: no points anywhere then. So her community
      // points of the current semester come from the current semester alone — which the judgement
      // journey of tests/e2e/reviews.spec.ts checks to the point.
      away: new Map([[student, previousSemester(current)]]),
      fixedCards: new Map(annaInKirDev ? [[`${annaInKirDev.id} ${semesters.at(-2)}`, ANNA_CARD]] : []),
    },
    settings.communityPointsCap,
  )
  return { groups, memberships, evaluations }
}

// Rows' `updatedAt` (Prisma's @updatedAt has no database default): when the dataset was loaded.
const loadedAt = () => new Date()

const USER_COLUMNS: Column<PlannedUser & { lastLoginAt: Date }>[] = [
  { name: 'id', type: 'int', value: (u) => u.id },
  { name: 'subject', type: 'text', value: (u) => u.subject },
  { name: 'displayName', type: 'text', value: (u) => u.displayName },
  { name: 'email', type: 'text', value: (u) => u.email },
  { name: 'screenName', type: 'text', value: (u) => u.screenName },
  { name: 'screenNameKey', type: 'text', value: (u) => screenNameKey(u.screenName) },
  { name: 'lastLoginAt', type: 'timestamp(3)', value: (u) => u.lastLoginAt },
  { name: 'updatedAt', type: 'timestamp(3)', value: loadedAt },
]

const MEMBERSHIP_COLUMNS: Column<Story['memberships'][number]>[] = [
  { name: 'id', type: 'int', value: (m) => m.id },
  { name: 'groupId', type: 'int', value: (m) => m.groupId },
  { name: 'userId', type: 'int', value: (m) => m.userId },
  { name: 'createdAt', type: 'timestamp(3)', value: (m) => new Date(m.times[0] ?? 0) },
]

const EVENT_COLUMNS: Column<{ membershipId: number; status: MembershipStatus; at: number }>[] = [
  { name: 'membershipId', type: 'int', value: (e) => e.membershipId },
  { name: 'status', type: '"MembershipStatus"', value: (e) => e.status },
  { name: 'at', type: 'timestamp(3)', value: (e) => new Date(e.at) },
]

/**
 * Loads the demo dataset into an empty realm of a migrated database (the built-in policies must be
 * there), up to the realm's current semester. Re-running on a filled realm fails on the first
 * duplicate id.
 */
export async function loadDemoDataset(db: Db, input: DemoDatasetOptions): Promise<DemoDatasetSummary> {
  const options = { seed: 20261122, users: 2000, membershipsPerCircle: 130, ...input }
  const { realmId } = options
  await ensureRealm(db, realmId)
  // Every write below names the realm; the guard checks the client's own (ADR 0003).
  const guarded = withRealmGuard(db, realmId)
  // The app's own reading of the settings: a realm without a row gets the calendar's semester.
  const settings = new SemesterSettingsService(sqlThrough(guarded), realmId, {
    now: () => new Date(),
  })
  const current = await settings.current()
  const p = plan(options)
  const story = tellStory(p, options.seed, current)
  const epoch = new Date(semesterStart(current.semester))
  const postTypes = await ensureSharedPostTypes(db, realmId)
  const postTypeId = new Map(postTypes.map((t) => [t.kind, t.id]))

  await guarded.$transaction(
    async (tx) => {
      // Everyone last logged in as the current semester began.
      const users = p.users.map((u) => ({ ...u, lastLoginAt: epoch }))
      await insertRows(tx, 'User', realmId, USER_COLUMNS, users)
      const profiles = p.users.map((u) => ({ ...u, ...searchTextOf(u) }))
      await insertRows(tx, 'Profile', realmId, profileColumns(loadedAt), profiles)
      // Parents before children: the rows are planned top-down.
      await tx.group.createMany({
        data: story.groups.map((g) => ({
          id: g.id,
          realmId,
          name: g.name,
          purpose: g.purpose,
          parentId: g.parentId,
          archived: g.archived,
          foundedYear: g.foundedYear,
          createdAt: new Date(g.createdAt),
          shortDescription: `${g.name} – a Schönherz közösségéért.`,
        })),
      })
      await insertRows(tx, 'Membership', realmId, MEMBERSHIP_COLUMNS, story.memberships)
      const events = story.memberships.flatMap((m) =>
        m.path.map((status, i) => ({ membershipId: m.id, status, at: m.times[i] ?? epoch.getTime() })),
      )
      await insertRows(tx, 'MembershipEvent', realmId, EVENT_COLUMNS, events)
      await tx.post.createMany({
        data: p.posts.map((post) => ({
          realmId,
          membershipId: post.membershipId,
          postTypeId: postTypeId.get(post.kind) ?? 0,
        })),
      })
      // The demo accounts' roles that come from assignments rather than posts (the standard
      // policies are seeded by the hub_reference_data migration).
      for (const [key, policy] of DIRECT_POLICIES) {
        const { id: policyId } = await tx.policy.findUniqueOrThrow({
          where: { realmId_name: { realmId, name: policy } },
          select: { id: true },
        })
        await tx.policyAssignment.create({ data: { realmId, policyId, userId: demoUserId(key) } })
      }
      await writeEvaluations(tx, realmId, story.evaluations)
      // Explicit ids leave the serial sequences behind; move them past the loaded rows.
      for (const table of ['User', 'Group', 'Membership', 'Evaluation', 'Principle'])
        await advanceSequence(tx, table)
    },
    { timeout: 120_000 },
  )
  return {
    users: p.users.length,
    groups: p.groups.length,
    memberships: p.memberships.length,
    posts: p.posts.length,
    evaluations: story.evaluations.evaluations.length,
    communityPoints: story.evaluations.communityPoints.length,
  }
}
