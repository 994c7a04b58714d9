// Resilience (issue 9): PostgreSQL restarts — or crashes — while the app is writing. Meanwhile every
// request is answered 503 with Retry-After (never 500) and /readyz says unavailable; afterwards the
// same process serves again without being restarted; and every write the app acknowledged is in the
// database.
//
// The app is the production one: the process-wide container (getAppContainer, built from the
// environment like `pnpm start` builds it) on a PostgreSQL server of the test's own, which the test
// stops and starts. A write is one authenticated request as a plain route handles it — the session
// checked, a group created, the outcome mapped to a Response by withErrorResponse (the mapping every
// route and server function shares).
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appConfig } from '#config'
import { GroupManagementService } from '~/domains/group/group-management.service'
import { authenticate } from '~/server/auth/access'
import { type BasePrismaClient, createPrismaClient } from '~/server/db/client'
import { applyMigrations } from '~/server/db/migrations/runner'
import { createDatabase } from '~/server/db/migrations/schema-engine'
import { getAppContainer, stopBackgroundJobs } from '~/server/di/app-container'
import { readiness } from '~/server/health/health.server'
import { DATABASE_RETRY_AFTER_SECONDS } from '~/server/http/error-mapping'
import { withErrorResponse } from '~/server/http/route-errors'
import { createGroup, createUser } from '../factories/records'
import { testEnv } from '../support/app'
import { type PostgresServer, startPostgresServer } from '../support/postgres-server'
import { loginToken } from '../support/sessions'

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))
const WRITERS = 4

let server: PostgresServer
let owner: BasePrismaClient
let parentId: number
let token: string

interface Outcome {
  status: number
  retryAfter: string | null
  at: number
}

/** One request: check the session, create a group named `name`, answer 201. */
function createGroupRequest(name: string): Promise<Response> {
  return withErrorResponse(async () => {
    const app = getAppContainer()
    const { actor } = await authenticate(app, token)
    if (actor.kind !== 'user') return new Response(null, { status: 401 })
    const group = await app.resolve(GroupManagementService).create({
      name,
      parentId,
      shortDescription: '',
      purpose: 'OTHER',
      foundedYear: null,
      webpage: null,
      mailingList: null,
      acceptsApplications: false,
      showArchivedMembers: false,
    })
    return Response.json({ id: group.id }, { status: 201 })
  })
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Writers send requests back to back (a short pause after a refusal, as a client honouring
 * Retry-After would, only shorter) while `during` runs; then they go on until each has had a write
 * acknowledged after it, which is the recovery.
 */
async function writeThrough(round: string, during: () => Promise<void>) {
  const outcomes: Outcome[] = []
  const acknowledged: string[] = []
  let recovered = false
  let deadline = Number.POSITIVE_INFINITY
  const writer = async (writerId: number) => {
    let successAfterRecovery = false
    for (let i = 0; !(recovered && successAfterRecovery) && Date.now() < deadline; i++) {
      const name = `${round}-${writerId}-${i}`
      const response = await createGroupRequest(name)
      outcomes.push({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        at: Date.now(),
      })
      if (response.status === 201) {
        acknowledged.push(name)
        if (recovered) successAfterRecovery = true
      } else {
        await pause(50)
      }
    }
  }
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))
  await pause(300)
  await during()
  recovered = true
  deadline = Date.now() + 20_000
  await Promise.all(writers)
  return { outcomes, acknowledged }
}

beforeAll(async () => {
  server = await startPostgresServer()
  const { url } = await createDatabase(server.adminUrl, 'pek')
  await applyMigrations({ databaseUrl: url, migrationsDir })
  // What `pnpm start` reads; set before the first getAppContainer() call builds the app from it.
  Object.assign(process.env, testEnv({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' }))
  owner = createPrismaClient({ url, poolSize: 2 })
  const userId = (await createUser(owner, 'hub')).id
  parentId = (await createGroup(owner, 'hub', { name: 'Újraindítás' })).id
  token = (await loginToken({ app: getAppContainer(), config: appConfig() }, userId)).token
}, 120_000)

afterAll(async () => {
  await stopBackgroundJobs()
  await owner?.$disconnect()
  await server?.destroy()
})

describe.each([
  ['a restart (fast shutdown)', 'fast'],
  ['a crash (immediate shutdown, recovery from the WAL)', 'immediate'],
] as const)('PostgreSQL under load: %s', (_, mode) => {
  it('answers 503 with Retry-After meanwhile, recovers by itself, and loses no acknowledged write', async () => {
    const readyWhileDown: Response[] = []
    let downFrom = 0
    let upFrom = 0
    const { outcomes, acknowledged } = await writeThrough(mode, async () => {
      await server.stop(mode)
      downFrom = Date.now()
      await pause(1_500)
      readyWhileDown.push(await readiness())
      await server.start()
      upFrom = Date.now()
    })

    // Only two answers, ever: written, or "unavailable, come back" — never an internal error.
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set([201, 503]))
    const refusals = outcomes.filter((o) => o.status === 503)
    expect(refusals.every((o) => o.retryAfter === String(DATABASE_RETRY_AFTER_SECONDS))).toBe(true)
    expect(refusals.filter((o) => o.at >= downFrom && o.at < upFrom).length).toBeGreaterThan(0)

    expect(readyWhileDown.map((r) => [r.status, r.headers.get('retry-after')])).toEqual([
      [503, String(DATABASE_RETRY_AFTER_SECONDS)],
    ])
    // Recovered in the same process: every writer got writes through after the server came back (a
    // write answered in the very millisecond the server was back counts: the writer stops on it).
    expect(outcomes.filter((o) => o.status === 201 && o.at >= upFrom).length).toBeGreaterThanOrEqual(WRITERS)
    expect((await readiness()).status).toBe(200)

    const stored = await owner.group.findMany({
      where: { realmId: 'hub', name: { in: acknowledged } },
      select: { name: true },
    })
    expect(stored.map((g) => g.name).sort()).toEqual([...acknowledged].sort())
  }, 60_000)
})
