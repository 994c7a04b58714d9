// The Prisma clients. The app's is bound to one realm twice over: the realm guard checks every
// query before it is sent, and row-level security limits what any query reaches in the database.
// The owner's sees every realm, for seeds, tools and tests' factories.
// See docs/decisions/0003-realm-enforcement.md and docs/decisions/0021-realm-row-level-security.md.
import { PrismaPg } from '@prisma/adapter-pg'
import type pg from 'pg'
import { PrismaClient } from '~/generated/prisma/client'
import { createPool } from './connection-errors'
import { assertRealmScoped } from './realm-guard'
import { type SqlPool, sqlOver } from './sql'

/** The role the app works as: not the tables' owner, no superuser, no BYPASSRLS (the migration makes it). */
export const APP_ROLE = 'pek_app'
/** The session setting the row-level security policies compare "realmId" with. */
export const REALM_SETTING = 'pek.realm'

interface DatabaseConfig {
  url: string
  poolSize: number
}

/** Given to createPool (./connection-errors.ts), which types pg's codeless connection errors: a restart is a 503. */
function poolConfig(database: DatabaseConfig): pg.PoolConfig {
  return {
    connectionString: database.url,
    max: database.poolSize,
    connectionTimeoutMillis: 5_000,
    // A single-connection pool is the embedded PGlite, which serves one client at a time: give the
    // connection back as soon as it is idle, so the owner's pool and the app's (tests, seeds) can
    // take turns. Reconnecting to it costs a few milliseconds.
    idleTimeoutMillis: database.poolSize === 1 ? 10 : 30_000,
  }
}

/**
 * Interactive transactions wait for a pooled connection as long as a plain query does (the pool's
 * connect timeout) instead of Prisma's 2 s default, so a burst of writes queues rather than fails;
 * one that still cannot start is a 503 (unavailable.ts).
 */
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 }

/**
 * The owner's client: unguarded and exempt from row-level security (whatever role DATABASE_URL
 * logs in as, the one that ran the migrations). For seeds, tools and tests' factories — never
 * for the app, which gets createRealmClient.
 */
export function createPrismaClient(database: DatabaseConfig) {
  return new PrismaClient({
    adapter: new PrismaPg(createPool(poolConfig(database)), { disposeExternalPool: true }),
    transactionOptions: TRANSACTION_OPTIONS,
  })
}

export type BasePrismaClient = ReturnType<typeof createPrismaClient>

export function withRealmGuard(client: BasePrismaClient, realmId: string) {
  return client.$extends({
    name: 'realm-guard',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          assertRealmScoped(model, operation, args, realmId)
          return query(args)
        },
      },
    },
  })
}

/** The realm-guarded client injected as PRISMA. */
export type RealmClient = ReturnType<typeof withRealmGuard>

/**
 * Binds a new connection before the pool hands it out: the app's role and its realm, for the
 * whole session. If that fails (no such role, no right to take it) the connection is closed and
 * the query fails — the app never runs unbound.
 */
async function bindToRealm(connection: pg.ClientBase, realmId: string): Promise<void> {
  await connection.query('SELECT set_config($1, $2, false), set_config($3, $4, false)', [
    'role',
    APP_ROLE,
    REALM_SETTING,
    realmId,
  ])
}

const boundRealms = new WeakMap<object, string>()
const pools = new WeakMap<object, pg.Pool>()

/** The app's client for one realm: every connection bound to it (row-level security) and the realm guard. */
export function createRealmClient(database: DatabaseConfig, realmId: string): RealmClient {
  const pool = createPool({ ...poolConfig(database), onConnect: (c) => bindToRealm(c, realmId) })
  const adapter = new PrismaPg(pool, { disposeExternalPool: true })
  const client = withRealmGuard(
    new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
    realmId,
  )
  boundRealms.set(client, realmId)
  pools.set(client, pool)
  return client
}

/** How busy a createRealmClient client's pool is right now, for the metrics; undefined for other clients. */
export function poolStatsOf(
  client: RealmClient,
): { total: number; idle: number; waiting: number } | undefined {
  const pool = pools.get(client)
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }
}

/** Hot reads over the same realm-bound pool, without Prisma (./sql.ts); throws for any other client. */
export function sqlOf(client: RealmClient): SqlPool {
  const pool = pools.get(client)
  if (!pool) throw new Error('sqlOf needs a client made by createRealmClient')
  return sqlOver(pool)
}

/** The realm a client's connections are bound to; undefined for any client createRealmClient did not make. */
export function boundRealmOf(client: RealmClient): string | undefined {
  return boundRealms.get(client)
}
