// Realm isolation, generated from the entry-point registry. The world (./world.ts) is built in realm
// A, where the app runs, and again in realm B from the same id base: the same group, user,
// membership, evaluation, principle, policy, notification and account ids, with markers of B's own.
// The caller holds every scope on anything in A, and a user with its id exists in B too, with a
// membership and every right there. Every entry point, called in A with the example's ids:
//   - a read answers exactly what it answered before B existed (so it counts and lists nothing of
//     B's) and carries no B marker;
//   - a write or delete answers 200, carries no B marker, and leaves B's every table
//     byte-for-byte as it was (compared after each call);
//   - a user who holds every right in B but nothing in A is refused in A (403; public entries
//     answer as to anyone), so rights are not read across realms either.
// The whole matrix runs twice: on the app as deployed (realm guard and row-level security, ADR 0021)
// and on the realm guard alone — the same container over the owner's connection, which row-level
// security does not bind — so the services' own realm filters (their raw SQL included, which the
// guard does not see) are proven to keep the realm without the database's help. Row-level security
// alone is proven in tests/integration/realm-rls.test.ts.
// The guard-only entries (./transport.ts) run their handlers' service calls (./handlers.ts).
// Counts: test-results/boundaries-realm-isolation.json.
import pg from 'pg'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import { PhotoService } from '~/domains/user/photo.service'
import type { EntryPoint } from '~/server/auth/entry-point'
import { SCOPE_NAMES } from '~/server/auth/scopes'
import { withRealmGuard } from '~/server/db/client'
import { sqlOver } from '~/server/db/sql'
import { PRISMA, SQL, type TokenTypes } from '~/server/di/tokens'
import { createMembership, createUser } from '../factories/records'
import { createTestApp, reconfigured } from '../support/app'
import { idBlock } from '../support/ids'
import { loginToken } from '../support/sessions'
import { exampleOf } from './examples'
import { grantEverywhere } from './grants'
import { HANDLERS, photoFolder, readsOnly, servingCaller } from './handlers'
import { leakedMarkers } from './leaks'
import { realmState } from './realm-state'
import { tally } from './tally'
import { GUARD_ONLY, type Outcome, PROCEDURES } from './transport'
import { buildWorld, type World } from './world'

const stamp = Date.now().toString(36)
const A = `bounds-isolation-${stamp}`
const B = `bounds-isolation-other-${stamp}`
const photos = photoFolder()
const CONFIG = { REALM_ID: A, PHOTO_STORAGE_DIR: photos.dir }
const t = createTestApp(CONFIG)
const record = tally('realm-isolation')
/** The owner's connection for the services' raw reads (src/server/db/sql.ts) in the guard-only app. */
const ownerPool = new pg.Pool({ connectionString: t.config.database.url, max: 1, idleTimeoutMillis: 10 })
afterAll(async () => {
  record.write()
  await ownerPool.end()
  await t.close()
  photos.remove()
})

/** The app on the realm guard alone: the owner's connection (exempt from row-level security), guarded. */
function guardOnlyApp() {
  const { app } = reconfigured(t, CONFIG)
  // Registered before anything is resolved, so every service gets it.
  app.register(PRISMA, { useValue: withRealmGuard(t.db, A) })
  app.register(SQL, { useValue: sqlOver(ownerPool) })
  return app
}

const deployedApp = t.app
const guardOnly = guardOnlyApp()
const LAYERS = [
  { name: 'guard and row-level security', call: servingCaller(deployedApp) },
  { name: 'the realm guard alone', call: servingCaller(guardOnly) },
]

const id = idBlock(2)
/** Holds every scope on anything in A; in B a user with the same id is a member of the circle. */
const HOLDER = id(0)
/** Holds nothing in A and every scope on anything in B. */
const TWIN = id(1)

let a: World
let b: World
const tokens = { holder: '', twin: '' }
/** Each read's answer in A before B existed. */
const aloneAnswers = new Map<string, string>()
let bBefore = ''
let bPhotoBefore = ''

const procedureType = (entry: EntryPoint) => PROCEDURES.get(entry.name)?.[0]?.type
const reads = ENTRY_POINTS.filter((entry) => readsOnly(entry, procedureType(entry)))
const writes = ENTRY_POINTS.filter((entry) => !readsOnly(entry, procedureType(entry)))

/** What a read answered, comparable across calls. */
const answerOf = (outcome: Outcome) => JSON.stringify(outcome)

const EXAMPLE_TEXT = 'the example'
/**
 * The example's input and — when it carries text of A's (a search, a screen name) — the same with
 * that text stripped of A's marker prefix: `TargetFamily` is in A's and B's marker alike, so such a
 * query would find B's rows wherever the realm filter is missing.
 */
function readInputs(entry: EntryPoint): { text: string; input: unknown }[] {
  const input = exampleOf(entry).input(a)
  const json = input === undefined || input instanceof FormData ? undefined : JSON.stringify(input)
  const prefix = a.marker('')
  if (!json?.includes(prefix)) return [{ text: EXAMPLE_TEXT, input }]
  return [
    { text: EXAMPLE_TEXT, input },
    { text: 'text both realms hold', input: JSON.parse(json.replaceAll(prefix, '')) },
  ]
}

async function prepared(entry: EntryPoint, world: World) {
  const example = exampleOf(entry)
  await example.prepare?.({ db: t.db, world, callerId: HOLDER })
  return example
}

beforeAll(async () => {
  a = await buildWorld(t.db, A)
  await createUser(t.db, A, { id: HOLDER })
  await createUser(t.db, A, { id: TWIN })
  await grantEverywhere(t.db, a, HOLDER, SCOPE_NAMES)
  tokens.holder = (await loginToken(t, HOLDER)).token
  tokens.twin = (await loginToken(t, TWIN)).token

  // A alone: what every read answers before realm B exists.
  const deployed = servingCaller(deployedApp)
  for (const entry of reads) {
    for (const { text, input } of readInputs(entry)) {
      await prepared(entry, a)
      aloneAnswers.set(`${entry.name} ${text}`, answerOf(await deployed(entry, input, tokens.holder)))
    }
  }

  b = await buildWorld(t.db, B, { idBase: a.idBase })
  await createUser(t.db, B, { id: HOLDER })
  await createMembership(t.db, B, { groupId: b.groups.circle, userId: HOLDER, history: ['ACTIVE'] })
  await grantEverywhere(t.db, b, HOLDER, SCOPE_NAMES)
  await createUser(t.db, B, { id: TWIN })
  await grantEverywhere(t.db, b, TWIN, SCOPE_NAMES)
  // B's target has a photo; A's does not until an example uploads one.
  await photosOfB().upload(b.users.target, new Blob([await tinyPng()], { type: 'image/png' }))
  bBefore = await realmState(t.db, B)
  bPhotoBefore = await photoOfB()
}, 300_000)

const photosOfB = () =>
  reconfigured(t, { REALM_ID: B, PHOTO_STORAGE_DIR: photos.dir }).app.resolve(PhotoService)

/** B's target's photo as served: its content type and bytes (the default avatar if the file were gone). */
async function photoOfB() {
  const { contentType, bytes } = await photosOfB().read(b.users.target)
  return `${contentType} ${Buffer.from(bytes).toString('base64')}`
}

function tinyPng() {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#c0ffee' } })
    .png()
    .toBuffer()
}

/** A's and B's circle (the same id) as the layer's own client sees it with raw SQL naming no realm. */
async function realmsSeenBy(app: typeof deployedApp) {
  const rows = await app.resolve<TokenTypes[typeof PRISMA]>(PRISMA).$queryRaw<{ realmId: string }[]>`
    SELECT "realmId" FROM "Group" WHERE id = ${a.groups.circle} ORDER BY 1`
  return rows.map((r) => r.realmId)
}

describe('the layers under test', () => {
  it('every guard-only entry runs its handler', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(GUARD_ONLY).sort())
  })

  it('the app as deployed sees realm A alone; the realm guard alone would see B too without its filters', async () => {
    expect(await realmsSeenBy(deployedApp)).toEqual([A])
    expect(await realmsSeenBy(guardOnly)).toEqual([A, B].sort())
  })
})

// Every read of both layers runs before any write, so each compares with A as it was before B existed.
describe('reads', () => {
  for (const { name, call } of LAYERS)
    describe(`on ${name}`, () => {
      it.each(reads.map((e) => [e.name, e] as const))('%s reads only realm A', async (_, entry) => {
        for (const { text, input } of readInputs(entry)) {
          await prepared(entry, a)
          const outcome = await call(entry, input, tokens.holder)
          if (text === EXAMPLE_TEXT) expect(outcome.status, JSON.stringify(outcome.body)).toBe(200)
          expect([text, leakedMarkers(outcome.body, b.markers, input)]).toEqual([text, []])
          expect([text, answerOf(outcome)]).toEqual([text, aloneAnswers.get(`${entry.name} ${text}`)])
          expect(await realmState(t.db, B)).toBe(bBefore)
          record.passed(entry.name, `${name}, ${text}: the answer is what A alone gave, nothing of B`)
        }
      })
    })
})

describe('writes and deletes', () => {
  for (const { name, call } of LAYERS)
    describe(`on ${name}`, () => {
      it.each(writes.map((e) => [e.name, e] as const))('%s changes only realm A', async (_, entry) => {
        const example = await prepared(entry, a)
        const input = example.input(a)
        const outcome = await call(entry, input, tokens.holder)
        expect(outcome.status, JSON.stringify(outcome.body)).toBe(200)
        expect(leakedMarkers(outcome.body, b.markers, input)).toEqual([])
        expect(await realmState(t.db, B)).toBe(bBefore)
        record.passed(entry.name, `${name}: ${outcome.status}, realm B byte-for-byte unchanged, nothing of B`)
      })
    })
})

describe('rights held in realm B', () => {
  for (const { name, call } of LAYERS)
    describe(`on ${name}`, () => {
      it.each(ENTRY_POINTS.map((e) => [e.name, e] as const))('%s is not opened by them', async (_, entry) => {
        const example = await prepared(entry, a)
        const input = example.input(a)
        const outcome = await call(entry, input, tokens.twin)
        if (a.publicScopes.includes(entry.scope)) {
          expect(outcome.status, JSON.stringify(outcome.body)).toBe(200)
          record.notApplicable(entry.name, `${name}: rights in B`, 'public: every visitor holds it')
        } else {
          expect(outcome.status, JSON.stringify(outcome.body)).toBe(403)
          record.passed(entry.name, `${name}: every right held in B, none in A: 403`)
        }
        expect(leakedMarkers(outcome.body, b.markers, input)).toEqual([])
      })
    })
})

describe('realm B after every call', () => {
  it('is byte-for-byte what it was, its photo file included', async () => {
    expect(await realmState(t.db, B)).toBe(bBefore)
    expect(await photoOfB()).toBe(bPhotoBefore)
  })
})
