// Single-record factories shared by the seed and the tests. They take the unguarded client and
// an explicit realm, so a test can also fill a second realm (with the same ids) on purpose.

import type { GroupPurpose, MembershipStatus, PostKind } from '~/generated/prisma/enums'
import type { BasePrismaClient } from '~/server/db/client'

export type Db = BasePrismaClient

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export async function ensureRealm(db: Db, realmId: string) {
  await db.realm.upsert({ where: { id: realmId }, create: { id: realmId, name: realmId }, update: {} })
}

export async function createUser(
  db: Db,
  realmId: string,
  o: { id?: number; subject?: string; givenName?: string; familyName?: string; email?: string | null } = {},
) {
  const givenName = o.givenName ?? 'Teszt'
  const familyName = o.familyName ?? `Elek ${unique()}`
  return db.user.create({
    data: {
      id: o.id,
      realmId,
      subject: o.subject ?? `test-${unique()}`,
      displayName: `${familyName} ${givenName}`,
      email: o.email === undefined ? `${unique()}@pek.example` : o.email,
      profile: { create: { firstName: givenName, lastName: familyName } },
    },
  })
}

export async function createGroup(
  db: Db,
  realmId: string,
  o: {
    id?: number
    name?: string
    parentId?: number | null
    purpose?: GroupPurpose
    archived?: boolean
  } = {},
) {
  return db.group.create({
    data: {
      id: o.id,
      realmId,
      name: o.name ?? `Teszt kör ${unique()}`,
      shortDescription: 'Egy kör a tesztekhez.',
      purpose: o.purpose ?? 'CIRCLE',
      parentId: o.parentId ?? null,
      archived: o.archived ?? false,
    },
  })
}

/** A membership whose history walks through `history` one day apart, ending today-ish. */
export async function createMembership(
  db: Db,
  realmId: string,
  o: { id?: number; groupId: number; userId: number; history: MembershipStatus[]; start?: Date },
) {
  const start = o.start ?? new Date('2025-09-01T10:00:00Z')
  return db.membership.create({
    data: {
      id: o.id,
      realmId,
      groupId: o.groupId,
      userId: o.userId,
      events: {
        create: o.history.map((status, i) => ({ status, at: new Date(start.getTime() + i * 86_400_000) })),
      },
    },
  })
}

export async function ensureSharedPostTypes(db: Db, realmId: string) {
  const existing = await db.postType.findMany({ where: { realmId, groupId: null } })
  const missing = SHARED_POST_TYPES.filter((t) => !existing.some((e) => e.kind === t.kind))
  if (missing.length) await db.postType.createMany({ data: missing.map((t) => ({ ...t, realmId })) })
  return db.postType.findMany({ where: { realmId, groupId: null } })
}

export const SHARED_POST_TYPES: { kind: PostKind; name: string }[] = [
  { kind: 'LEADER', name: 'körvezető' },
  { kind: 'DEPUTY', name: 'körvezető-helyettes' },
  { kind: 'EVALUATION_HELPER', name: 'pontozó' },
  { kind: 'FINANCIAL_OFFICER', name: 'gazdaságis' },
  { kind: 'FORMER_LEADER', name: 'volt körvezető' },
  { kind: 'NEWBIE', name: 'újonc' },
  { kind: 'RESORT_LEADER', name: 'reszortvezető' },
]

export async function givePost(db: Db, realmId: string, o: { membershipId: number; kind: PostKind }) {
  const postType = await db.postType.findFirstOrThrow({ where: { realmId, groupId: null, kind: o.kind } })
  return db.post.create({ data: { realmId, membershipId: o.membershipId, postTypeId: postType.id } })
}

/** A new user who is a member of the group through `history`, holding the shared posts `posts`. */
export async function createMember(
  db: Db,
  realmId: string,
  o: { groupId: number; history: MembershipStatus[]; posts?: PostKind[]; familyName?: string },
) {
  const user = await createUser(db, realmId, { familyName: o.familyName })
  const membership = await createMembership(db, realmId, {
    groupId: o.groupId,
    userId: user.id,
    history: o.history,
  })
  for (const kind of o.posts ?? []) await givePost(db, realmId, { membershipId: membership.id, kind })
  return { user, membership }
}
