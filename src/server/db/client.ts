// The Prisma client the services use: one pool per process, wrapped by the realm guard of the
// realm this instance is bound to.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'
import { createPool } from './connection-errors'
import { assertRealmScoped } from './realm-guard'

export function createPrismaClient(database: { url: string; poolSize: number }) {
  // Our pool (./connection-errors.ts): pg's codeless connection errors get a type, so a database
  // restart is a 503, never a 500. The adapter ends it on $disconnect.
  const pool = createPool({
    connectionString: database.url,
    max: database.poolSize,
    connectionTimeoutMillis: 5_000,
    // A single-connection pool is the embedded PGlite, which serves one client at a time: give
    // the connection back quickly so tools (seed, tests) are not locked out for half a minute.
    idleTimeoutMillis: database.poolSize === 1 ? 500 : 30_000,
  })
  const adapter = new PrismaPg(pool, { disposeExternalPool: true })
  return new PrismaClient({ adapter })
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
