// Gives every test run a freshly migrated database, read in tests through tests/support/database.ts:
// - TEST_DATABASE_URL set (an admin URL on a real server, e.g. postgres://postgres@127.0.0.1:5432/postgres):
//   a new database pek_test_<timestamp>_<random> on that server, dropped at teardown;
// - otherwise an in-memory embedded PGlite, which takes a pool of ONE connection.
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { z } from 'zod'
import { startEmbeddedPostgres } from '../../src/server/db/embedded-postgres'
import { applyMigrations } from '../../src/server/db/migrations/runner'
import { createDatabase, randomDatabaseName } from '../../src/server/db/migrations/schema-engine'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database the tests of this run share. */
    databaseUrl: string
    /** True when that is the embedded PGlite: connect with a pool of ONE connection. */
    embedded: boolean
  }
}

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))

const env = z
  .object({ TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional() })
  .parse({ TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || undefined })

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (env.TEST_DATABASE_URL) {
    const database = await createDatabase(env.TEST_DATABASE_URL, randomDatabaseName(`pek_test_${Date.now()}`))
    try {
      await applyMigrations({ databaseUrl: database.url, migrationsDir })
    } catch (error) {
      await database.drop()
      throw error
    }
    project.provide('databaseUrl', database.url)
    project.provide('embedded', false)
    return () => database.drop()
  }
  const server = await startEmbeddedPostgres()
  try {
    await applyMigrations({ databaseUrl: server.url, migrationsDir })
  } catch (error) {
    await server.stop()
    throw error
  }
  project.provide('databaseUrl', server.url)
  project.provide('embedded', true)
  return () => server.stop()
}
