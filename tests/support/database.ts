// The database of the current test run (see ./global-setup.ts), for tests that talk to PostgreSQL.
//
//   const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: testPoolSize() })
//
// The database is shared by all test files of the run: create the rows a test needs (unique ids),
// never rely on a table being empty, and end your pools in afterAll. When it is the embedded PGlite,
// ONE connection serves at a time: open a single pool of testPoolSize() per file and share it (a
// second pool would wait for the first to close).
import { inject } from 'vitest'
import { startEmbeddedPostgres } from '../../src/server/db/embedded-postgres'
import { createDatabase, randomDatabaseName } from '../../src/server/db/migrations/schema-engine'

export function testDatabaseUrl(): string {
  return inject('databaseUrl')
}

/** The pool size to use with testDatabaseUrl(): 1 on the embedded PGlite, 5 on a real server. */
export function testPoolSize(): number {
  return inject('embedded') ? 1 : 5
}

export interface ScratchDatabase {
  /** An empty database (no migrations applied); on PGlite use a pool of ONE connection. */
  url: string
  drop(): Promise<void>
}

/**
 * A database of the test's own, empty, for tests that need to start from nothing (migrations,
 * seeds). On a real server it is pek_test_<timestamp>_<random> next to the run's database; on an
 * embedded run it is a separate in-memory PGlite. Always drop() it, e.g. in afterAll.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (inject('embedded')) {
    const server = await startEmbeddedPostgres()
    return { url: server.url, drop: () => server.stop() }
  }
  const database = await createDatabase(testDatabaseUrl(), randomDatabaseName(`pek_test_${Date.now()}`))
  return { url: database.url, drop: () => database.drop() }
}
