// What row-level security costs (ADR 0021): the group directory, a group's member list and a people
// search, run by the services themselves on the app's realm-bound client, with the realm policies
// enabled and then disabled on the same database, connection role and data. Only the policies
// differ, so the ratio on ÷ off is their price. The phases alternate to spread the machine's noise.
//
// Its own database: a fresh one on TEST_DATABASE_URL's server (dropped afterwards) or an in-memory
// PGlite; the demo dataset in the hub and a second realm of the same size, so the policy also has
// rows to keep out.
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { DirectoryCache } from '~/domains/group/directory-cache'
import { GroupService } from '~/domains/group/group.service'
import { MembershipService } from '~/domains/membership/membership.service'
import { SearchService } from '~/domains/search/search.service'
import { type BasePrismaClient, createPrismaClient, createRealmClient, sqlOf } from '~/server/db/client'
import { startEmbeddedPostgres } from '~/server/db/embedded-postgres'
import { applyMigrations } from '~/server/db/migrations/runner'
import { createDatabase, randomDatabaseName } from '~/server/db/migrations/schema-engine'
import { loadDemoDataset } from '../factories/demo-dataset'
import { ensureRealm } from '../factories/records'
import { percentile } from './suite'

export interface RlsCase {
  read: string
  offP50Us: number
  offP99Us: number
  onP50Us: number
  onP99Us: number
}

export interface RlsResult {
  database: 'postgresql' | 'pglite'
  cases: RlsCase[]
}

const REALM = 'hub'
const SECOND_REALM = 'bench-other'
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))
const adminUrl = z
  .url({ protocol: /^postgres(ql)?$/ })
  .optional()
  .parse(process.env.TEST_DATABASE_URL || undefined)

async function benchDatabase(): Promise<{ url: string; poolSize: number; drop(): Promise<void> }> {
  if (adminUrl) {
    const database = await createDatabase(adminUrl, randomDatabaseName(`pek_bench_rls_${Date.now()}`))
    return { url: database.url, poolSize: 1, drop: () => database.drop() }
  }
  const server = await startEmbeddedPostgres()
  return { url: server.url, poolSize: 1, drop: () => server.stop() }
}

/** Every realm-scoped row of `from` again in `to`, same ids (the references stay inside `to`). */
async function copyRealm(owner: BasePrismaClient, from: string, to: string): Promise<void> {
  await ensureRealm(owner, to)
  await owner.$transaction(async (tx) => {
    // Tables in any order: without the foreign-key and policy-version triggers (a superuser may).
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica')
    const columns = await tx.$queryRaw<{ table: string; columns: string[] }[]>`
      SELECT table_name AS "table", array_agg(column_name::text ORDER BY ordinal_position) AS columns
      FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_generated = 'NEVER'
        AND table_name IN (SELECT table_name FROM information_schema.columns
                           WHERE table_schema = current_schema() AND column_name = 'realmId')
      GROUP BY table_name`
    for (const { table, columns: names } of columns) {
      const list = names.map((c) => `"${c}"`).join(', ')
      const values = names.map((c) => (c === 'realmId' ? '$1' : `"${c}"`)).join(', ')
      await tx.$executeRawUnsafe(
        `INSERT INTO "${table}" (${list}) SELECT ${values} FROM "${table}" WHERE "realmId" = $2`,
        to,
        from,
      )
    }
  })
}

/** Switches the realm policies of every realm-scoped table on or off (the owner may). */
async function setPolicies(owner: BasePrismaClient, on: boolean): Promise<void> {
  const tables = await owner.$queryRaw<{ table: string }[]>`
    SELECT table_name AS "table" FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'realmId'`
  const action = on ? 'ENABLE' : 'DISABLE'
  for (const { table } of tables) {
    await owner.$executeRawUnsafe(`ALTER TABLE "${table}" ${action} ROW LEVEL SECURITY`)
  }
}

export async function benchRls(quick: boolean): Promise<RlsResult> {
  const rounds = quick ? 4 : 24
  const callsPerRound = quick ? 10 : 20
  const database = await benchDatabase()
  try {
    await applyMigrations({ databaseUrl: database.url, migrationsDir })
    const owner = createPrismaClient(database)
    try {
      await loadDemoDataset(owner, { realmId: REALM })
      await copyRealm(owner, REALM, SECOND_REALM)
      await owner.$executeRawUnsafe('ANALYZE')
      const [biggest] = await owner.$queryRaw<{ groupId: number }[]>`
        SELECT "groupId" FROM "Membership" WHERE "realmId" = ${REALM}
        GROUP BY "groupId" ORDER BY count(*) DESC LIMIT 1`
      if (!biggest) throw new Error('the demo dataset has no memberships')

      const app = createRealmClient(database, REALM)
      const clock = { now: () => new Date() }
      const members = new MembershipService(sqlOf(app), REALM)
      const search = new SearchService(sqlOf(app), REALM, clock)
      const reads: Record<string, () => Promise<unknown>> = {
        // A cache of its own each time: the list is built, as the RLS price is in building it.
        'group directory': () =>
          new GroupService(app, sqlOf(app), REALM, clock, new DirectoryCache()).list({
            status: 'all',
            filter: '',
          }),
        'member list of the biggest group': () => members.roster(biggest.groupId, 'active', { admin: true }),
        'people search': () => search.peopleOnly({ q: 'kovács', page: 1 }, { full: true }),
      }
      const samples = new Map<string, number[]>()
      try {
        for (let round = 0; round < rounds; round++) {
          for (const on of round % 2 === 0 ? [true, false] : [false, true]) {
            await setPolicies(owner, on)
            // Not measured: the first call of each read after ALTER TABLE reloads the table's metadata.
            for (const read of Object.values(reads)) await read()
            for (let i = 0; i < callsPerRound; i++) {
              for (const [name, read] of Object.entries(reads)) {
                const started = performance.now()
                await read()
                const key = `${name}|${on}`
                const list = samples.get(key) ?? []
                list.push((performance.now() - started) * 1000)
                samples.set(key, list)
              }
            }
          }
        }
      } finally {
        await app.$disconnect()
      }
      await setPolicies(owner, true)
      const stats = (name: string, on: boolean) => {
        const sorted = [...(samples.get(`${name}|${on}`) ?? [])].sort((a, b) => a - b)
        return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
      }
      return {
        database: adminUrl ? 'postgresql' : 'pglite',
        cases: Object.keys(reads).map((read) => {
          const off = stats(read, false)
          const on = stats(read, true)
          return { read, offP50Us: off.p50, offP99Us: off.p99, onP50Us: on.p50, onP99Us: on.p99 }
        }),
      }
    } finally {
      await owner.$disconnect()
    }
  } finally {
    await database.drop()
  }
}
