// The boundary matrices' fixture: one realm holding everything the entry points act on — users, a
// group tree, memberships and posts, a policy tree, the current and the previous semester's
// evaluations with their principles, cells, entry cards and threads, notifications, external
// accounts, community points and a scheduled switch. Every row a test names gets an explicit id
// from one counter (`idBase` + n, distinct across tables), so the same world can be built again in
// another realm with the same ids (realm isolation). Text that belongs to someone carries a marker
// (`Zq<tag><label>`, the tag differing per realm and id base), so a test can see whether a body
// carries the world's data.
//
// A realm of its own gets the public baseline only (the hub's EVERYONE policies, copied) under a
// root of its own: nothing else is granted to anyone, so every right a matrix needs is a grant it
// makes (./grants.ts), and posts give no rights. Built in the hub, the hub's reference data applies
// (its baselines, and post templates that make the world's leader a Körvezető). The reference rows
// (root, baseline) are each realm's own; everything else gets the same ids from the same base.
import { previousSemester, type SemesterId, storedSemesterId } from '~/domains/semester/semester-id'
import { SEARCHABLE_USER, searchableOf } from '~/domains/user/searchable'
import type { MembershipStatus } from '~/generated/prisma/enums'
import { isScope, type Scope, type Target } from '~/server/auth/scopes'
import {
  createGroup,
  createMembership,
  createUser,
  type Db,
  ensureRealm,
  ensureSharedPostTypes,
  givePost,
} from '../factories/records'
import { ROOT_POLICY } from '../support/policies'

/** The semester a realm without settings starts in (the hub keeps its own). */
const FRESH_REALM_SEMESTER: SemesterId = '2026-2027/1'
/** Ids up to 2^31: above every sequence's reach, below the Id schema's maximum. */
const ID_SPAN = 1_000

export interface World {
  realmId: string
  /** Pass it to buildWorld for the same ids in another realm. */
  idBase: number
  semester: { current: SemesterId; previous: SemesterId }
  /** The scopes every visitor holds on anything in this realm (its EVERYONE policies). */
  publicScopes: readonly Scope[]
  users: {
    /** Member of `circle` (ACTIVE, memberships.memberA): profile with hidden fields, notifications, accounts, points. */
    target: number
    /** Member of `sibling`: "another user". */
    other: number
    leader: number
    /** Whose membership of `circle` the lifecycle examples move (memberships.mover). */
    mover: number
    /** Belongs to no group: added by addMember. */
    recruit: number
    /** Has no screen name yet. */
    unregistered: number
    /** Disabled, enabled, logged out by the account-access examples. */
    account: number
  }
  groups: {
    resort: number
    circle: number
    sibling: number
    otherResort: number
    /** A leaf under `resort`, archived and unarchived. */
    archivable: number
    /** A leaf under `otherResort`, moved (to where it is). */
    movable: number
  }
  memberships: { leader: number; memberA: number; mover: number; other: number }
  /** `siblingCustom` is the sibling's own: the other side of the foreign-ids matrix. */
  postTypes: { custom: number; deletable: number; siblingCustom: number }
  policies: {
    root: number
    /** "Can issue": its holders issue below it. */
    issuer: number
    /** Below `issuer`: the policy the policy examples edit. */
    child: number
    /** Below `issuer`: deleted by policy.delete. */
    deletable: number
    /** "Can issue", beside `issuer`. */
    outside: number
    outsideChild: number
  }
  /** `outside` belongs to outsideChild. */
  statements: { removable: number; outside: number }
  evaluations: { current: number; previous: number; siblingCurrent: number; siblingPrevious: number }
  principles: { work: number; spare: number; previousWork: number; siblingPrevious: number }
  /** memberA's cell for `work` in the current evaluation. */
  cellValue: number
  /** `others` are the other user's. */
  notifications: { unread: number; others: number }
  externalAccounts: { main: number; removable: number; others: number }
  switches: { scheduled: number }
  /** The circle's own data as stored at version 0 (what a no-change edit sends back). */
  circleData: { name: string; shortDescription: string; webpage: string }
  screenNames: { target: string }
  /** The target's profile as stored (what a no-change edit sends back). */
  targetProfile: typeof TARGET_PROFILE & { nickname: string; homeAddress: string }
  /** The marker a label gets in this world (the same label always gives the same marker). */
  marker(label: string): string
  /** Every marker planted in the world. */
  markers: readonly string[]
  /** Markers of fields their owners hide (every e-mail, the target's home address: privacy off by default). */
  hiddenMarkers: readonly string[]
  /** The markers of a target's data: a group's own and its members' (a subtree's: every group's in it), a user's, a policy's. */
  markersOf(target: Target): readonly string[]
}

const TARGET_PROFILE = {
  gender: 'FEMALE',
  dateOfBirth: '2001-02-03',
  cellPhone: '+36301234567',
  webpage: 'https://pek.example/target',
  dormitory: 'SCHONHERZ',
  room: '1319',
  studentStatus: 'ACTIVE',
} as const

export const TARGET_PRIVACY = {
  genderPublic: false,
  dateOfBirthPublic: false,
  homeAddressPublic: false,
  emailPublic: false,
  cellPhonePublic: false,
  webpagePublic: true,
  roomPublic: true,
} as const

/** A fresh id base for a world in a realm that other worlds may share (the hub). */
export function randomIdBase(): number {
  return 1_000_000_000 + Math.floor(Math.random() * 1_000_000) * ID_SPAN
}

export async function buildWorld(db: Db, realmId: string, options: { idBase?: number } = {}): Promise<World> {
  const idBase = options.idBase ?? randomIdBase()
  let next = 0
  const id = () => {
    if (next >= ID_SPAN) throw new Error('the world outgrew its id span')
    return idBase + next++
  }
  const tag = tagOf(realmId, idBase)
  const tagged = (label: string) => `Zq${tag}${label}`
  const markers = new Map<string, string[]>()
  /** A marker of the owner's data (`group 7`, `user 9`, `policy 3`). */
  const marker = (label: string, owner: string) => {
    const m = tagged(label)
    markers.set(owner, [...(markers.get(owner) ?? []), m])
    return m
  }
  const hidden: string[] = []
  const hiddenMarker = (label: string, owner: string) => {
    const m = marker(label, owner)
    hidden.push(m)
    return m
  }
  const membersOf = new Map<string, string[]>()
  const childrenOf = new Map<number, number[]>()

  await ensureRealm(db, realmId)
  await ensureSharedPostTypes(db, realmId)
  const root = await ensureReferencePolicies(db, realmId)
  const publicScopes = await everyoneScopes(db, realmId)
  const current = await currentSemester(db, realmId)
  const previous = previousSemester(current)

  // ---- users ----
  const person = async (label: string, o: { registered?: boolean } = {}) => {
    const userId = id()
    const owner = `user ${userId}`
    const user = await createUser(db, realmId, {
      id: userId,
      subject: `world-${tag}-${label}`,
      givenName: marker(`${label}Given`, owner),
      familyName: marker(`${label}Family`, owner),
      email: `${hiddenMarker(`${label}Mail`, owner)}@pek.example`,
    })
    if (o.registered !== false) {
      const screenName = marker(`${label}Screen`, owner)
      await db.user.update({
        where: { id_realmId: { id: user.id, realmId } },
        data: { screenName, screenNameKey: screenName.toLowerCase() },
      })
    }
    return user.id
  }
  const users = {
    target: await person('Target'),
    other: await person('Other'),
    leader: await person('Leader'),
    mover: await person('Mover'),
    recruit: await person('Recruit'),
    unregistered: await person('Unregistered', { registered: false }),
    account: await person('Account'),
  }
  const targetProfile = {
    ...TARGET_PROFILE,
    nickname: marker('TargetNick', `user ${users.target}`),
    homeAddress: hiddenMarker('TargetAddress', `user ${users.target}`),
  }
  await db.profile.update({
    where: { userId_realmId: { userId: users.target, realmId } },
    data: {
      ...targetProfile,
      dateOfBirth: new Date(`${TARGET_PROFILE.dateOfBirth}T00:00:00Z`),
      ...TARGET_PRIVACY,
    },
  })
  // The people search matches the stored search texts, which every write of the app keeps: so
  // does the world, or a search would find nobody and show nothing to check.
  const searchable = await db.user.findMany({
    where: { realmId, id: { in: Object.values(users) } },
    select: { id: true, ...SEARCHABLE_USER },
  })
  for (const user of searchable)
    await db.profile.update({
      where: { userId_realmId: { userId: user.id, realmId } },
      data: searchableOf(user),
    })

  // ---- groups ----
  let circleData = { name: '', shortDescription: '', webpage: '' }
  const group = async (label: string, parentId: number | null, purpose: 'RESORT' | 'CIRCLE') => {
    const groupId = id()
    const owner = `group ${groupId}`
    const data = {
      name: marker(`${label}Name`, owner),
      shortDescription: marker(`${label}About`, owner),
      webpage: `https://pek.example/${label.toLowerCase()}`,
    }
    if (label === 'Circle') circleData = data
    if (parentId !== null) childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), groupId])
    const g = await createGroup(db, realmId, { id: groupId, name: data.name, parentId, purpose })
    await db.group.update({ where: { id_realmId: { id: g.id, realmId } }, data })
    return g.id
  }
  const resort = await group('Resort', null, 'RESORT')
  const otherResort = await group('OtherResort', null, 'RESORT')
  const groups = {
    resort,
    circle: await group('Circle', resort, 'CIRCLE'),
    sibling: await group('Sibling', resort, 'CIRCLE'),
    otherResort,
    archivable: await group('Archivable', resort, 'CIRCLE'),
    movable: await group('Movable', otherResort, 'CIRCLE'),
  }

  // ---- memberships and posts ----
  const member = (groupId: number, userId: number, history: MembershipStatus[]) => {
    membersOf.set(`group ${groupId}`, [...(membersOf.get(`group ${groupId}`) ?? []), `user ${userId}`])
    return createMembership(db, realmId, { id: id(), groupId, userId, history }).then((m) => m.id)
  }
  const memberships = {
    leader: await member(groups.circle, users.leader, ['ACTIVE']),
    memberA: await member(groups.circle, users.target, ['NEWBIE', 'ACTIVE']),
    mover: await member(groups.circle, users.mover, ['PENDING']),
    other: await member(groups.sibling, users.other, ['ACTIVE']),
  }
  await givePost(db, realmId, { membershipId: memberships.leader, kind: 'LEADER' })
  const postType = (label: string, groupId = groups.circle) =>
    db.postType
      .create({
        data: { id: id(), realmId, groupId, kind: 'CUSTOM', name: marker(label, `group ${groupId}`) },
      })
      .then((p) => p.id)
  const postTypes = {
    custom: await postType('Post'),
    deletable: await postType('PostGone'),
    siblingCustom: await postType('SiblingPost', groups.sibling),
  }

  // ---- policies: root → issuer (can issue) → child, deletable; root → outside (can issue) → outsideChild ----
  const policy = async (label: string, parentId: number, canIssue = false) => {
    const policyId = id()
    const owner = `policy ${policyId}`
    await db.policy.create({
      data: {
        id: policyId,
        realmId,
        name: marker(`${label}Policy`, owner),
        description: marker(`${label}PolicyAbout`, owner),
        parentId,
        canIssue,
      },
    })
    return policyId
  }
  const issuer = await policy('Issuer', root, true)
  const outside = await policy('Outside', root, true)
  const policies = {
    root,
    issuer,
    child: await policy('Child', issuer),
    deletable: await policy('Deletable', issuer),
    outside,
    outsideChild: await policy('OutsideChild', outside),
  }
  // What the issuer's children may hold (the subset rule): a public scope, so holding the issuer
  // grants nothing beyond "can issue".
  await db.policyStatement.create({
    data: { id: id(), realmId, policyId: issuer, scope: 'group:view', targetKind: 'ANY' },
  })
  const publicStatement = (policyId: number) =>
    db.policyStatement
      .create({ data: { id: id(), realmId, policyId, scope: 'group:view', targetKind: 'ANY' } })
      .then((st) => st.id)
  await db.policyStatement.create({
    data: { id: id(), realmId, policyId: outside, scope: 'group:view', targetKind: 'ANY' },
  })
  const statements = {
    removable: await publicStatement(policies.child),
    outside: await publicStatement(policies.outsideChild),
  }

  // ---- evaluations ----
  const evaluation = (groupId: number, semester: SemesterId, accepted: boolean, report = '') =>
    db.evaluation
      .create({
        data: {
          id: id(),
          realmId,
          groupId,
          semester,
          report,
          ...(accepted ? { pointStatus: 'ACCEPTED', entryStatus: 'ACCEPTED' } : {}),
        },
      })
      .then((e) => e.id)
  const circleKey = `group ${groups.circle}`
  const evaluations = {
    current: await evaluation(groups.circle, current, false, marker('Report', circleKey)),
    previous: await evaluation(groups.circle, previous, true, marker('PreviousReport', circleKey)),
    siblingCurrent: await evaluation(groups.sibling, current, false),
    siblingPrevious: await evaluation(groups.sibling, previous, true),
  }
  const principle = (
    evaluationId: number,
    label: string,
    category: 'WORK' | 'RESPONSIBILITY',
    position: number,
    owner = circleKey,
  ) =>
    db.principle
      .create({
        data: {
          id: id(),
          realmId,
          evaluationId,
          name: marker(label, owner),
          description: marker(`${label}About`, owner),
          category,
          maxPoints: 10,
          position,
        },
      })
      .then((p) => p.id)
  const principles = {
    work: await principle(evaluations.current, 'Work', 'WORK', 0),
    spare: await principle(evaluations.current, 'Spare', 'RESPONSIBILITY', 1),
    previousWork: await principle(evaluations.previous, 'PreviousWork', 'WORK', 0),
    siblingPrevious: await principle(
      evaluations.siblingPrevious,
      'SiblingWork',
      'WORK',
      0,
      `group ${groups.sibling}`,
    ),
  }
  const cellValue = 3
  const cells = [
    { evaluationId: evaluations.current, principleId: principles.work, value: cellValue },
    { evaluationId: evaluations.previous, principleId: principles.previousWork, value: 7 },
  ]
  for (const cell of cells)
    await db.pointCell.create({ data: { id: id(), realmId, membershipId: memberships.memberA, ...cell } })
  for (const evaluationId of [evaluations.current, evaluations.previous])
    await db.entryCard.create({
      data: {
        id: id(),
        realmId,
        evaluationId,
        membershipId: memberships.memberA,
        type: 'KB',
        justification: marker(`Card${evaluationId === evaluations.current ? '' : 'Previous'}`, circleKey),
      },
    })
  // The sibling's colored card: what a resort's list must not show to a right on another group.
  await db.entryCard.create({
    data: {
      id: id(),
      realmId,
      evaluationId: evaluations.siblingCurrent,
      membershipId: memberships.other,
      type: 'AB',
      justification: marker('SiblingCard', `group ${groups.sibling}`),
    },
  })
  await db.evaluationMessage.create({
    data: {
      id: id(),
      realmId,
      evaluationId: evaluations.current,
      authorId: users.leader,
      body: marker('Message', circleKey),
    },
  })
  await db.cellComment.create({
    data: {
      id: id(),
      realmId,
      evaluationId: evaluations.current,
      principleId: principles.work,
      membershipId: memberships.memberA,
      authorId: users.leader,
      body: marker('Comment', circleKey),
    },
  })
  await db.communityPoints.create({
    data: {
      id: id(),
      realmId,
      userId: users.target,
      semester: previous,
      points: 7,
      groups: [{ groupId: groups.circle, current: 7, previous: 0, total: 7 }],
    },
  })

  // ---- the target's notifications and accounts; a scheduled switch ----
  const notice = (userId: number, groupId: number, label: string) =>
    db.notification
      .create({
        data: {
          id: id(),
          realmId,
          userId,
          kind: 'MEMBERSHIP_ACCEPTED',
          params: { groupId, groupName: marker(label, `user ${userId}`) },
          link: `/groups/${groupId}`,
        },
      })
      .then((n) => n.id)
  const notifications = {
    unread: await notice(users.target, groups.circle, 'NoticeGroup'),
    others: await notice(users.other, groups.sibling, 'OthersNotice'),
  }
  const account = (label: string, protocol: 'GITHUB' | 'DISCORD', userId = users.target) =>
    db.externalAccount
      .create({ data: { id: id(), realmId, userId, protocol, accountName: marker(label, `user ${userId}`) } })
      .then((a) => a.id)
  const externalAccounts = {
    main: await account('Account', 'GITHUB'),
    removable: await account('AccountGone', 'DISCORD'),
    others: await account('OthersAccount', 'GITHUB', users.other),
  }
  const switches = {
    scheduled: (
      await db.semesterSwitch.create({
        data: {
          id: id(),
          realmId,
          at: new Date(Date.now() + 20 * 86_400_000),
          semester: current,
          period: 'REVIEW',
        },
      })
    ).id,
  }

  return {
    realmId,
    idBase,
    semester: { current, previous },
    publicScopes,
    users,
    groups,
    memberships,
    postTypes,
    policies,
    statements,
    evaluations,
    principles,
    cellValue,
    notifications,
    externalAccounts,
    switches,
    circleData,
    screenNames: { target: tagged('TargetScreen') },
    targetProfile,
    marker: tagged,
    markers: [...new Set([...markers.values()].flat())],
    hiddenMarkers: hidden,
    markersOf: (target) => {
      const groupOf = (groupId: number): string[] => [
        `group ${groupId}`,
        ...(membersOf.get(`group ${groupId}`) ?? []),
        ...(target.type === 'subtree' ? (childrenOf.get(groupId) ?? []).flatMap(groupOf) : []),
      ]
      const owners =
        target.type === 'group' || target.type === 'subtree' ? groupOf(target.groupId) : [ownerOf(target)]
      return owners.flatMap((owner) => markers.get(owner) ?? [])
    },
  }
}

/** Whose markers a user or policy target has: `user 9`, `policy 3`; nothing for the other kinds. */
function ownerOf(target: Target): string {
  switch (target.type) {
    case 'user':
      return `user ${target.userId}`
    case 'policy':
      return `policy ${target.policyId}`
    case 'new-policy':
      return `policy ${target.parentId}`
    default:
      return target.type
  }
}

/** Six letters and digits from the realm and the id base: the same world in two realms has two tags. */
function tagOf(realmId: string, idBase: number): string {
  let hash = idBase
  for (const ch of realmId) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0
  return hash.toString(36).padStart(6, '0').slice(-6)
}

/**
 * The root policy (every policy descends from it) and the public baseline: found by name, made when
 * the realm has none — the root as the reference data makes it, the EVERYONE policies as copies of
 * the hub's (whatever the reference data gives every visitor, this realm gives too).
 */
async function ensureReferencePolicies(db: Db, realmId: string): Promise<number> {
  const existing = await db.policy.findUnique({ where: { realmId_name: { realmId, name: ROOT_POLICY } } })
  if (existing) return existing.id
  const root = await db.policy.create({ data: { realmId, name: ROOT_POLICY, canIssue: true, builtIn: true } })
  await db.policyStatement.create({
    data: { realmId, policyId: root.id, scope: 'supreme:sudo', targetKind: 'ANY' },
  })
  const hubPublic = await db.policy.findMany({
    where: { realmId: 'hub', audience: 'EVERYONE' },
    select: { name: true, statements: { select: { scope: true, targetKind: true } } },
  })
  for (const p of hubPublic) {
    const copy = await db.policy.create({
      data: { realmId, name: p.name, parentId: root.id, audience: 'EVERYONE', builtIn: true },
    })
    await db.policyStatement.createMany({
      data: p.statements.map((s) => ({ realmId, policyId: copy.id, ...s })),
    })
  }
  return root.id
}

async function everyoneScopes(db: Db, realmId: string): Promise<Scope[]> {
  const statements = await db.policyStatement.findMany({
    where: { realmId, targetKind: 'ANY', policy: { audience: 'EVERYONE' } },
    select: { scope: true },
  })
  const scopes = statements.map((s) => s.scope).filter(isScope)
  if (!scopes.length) throw new Error(`realm ${realmId} grants every visitor nothing (no EVERYONE policy)`)
  return [...new Set(scopes)]
}

async function currentSemester(db: Db, realmId: string): Promise<SemesterId> {
  const settings = await db.semesterSettings.upsert({
    where: { realmId },
    create: { realmId, semester: FRESH_REALM_SEMESTER },
    update: {},
  })
  return storedSemesterId(settings.semester)
}
