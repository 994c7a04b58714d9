// The offline migration runner (docs/decisions/0002-offline-migration-runner.md): prisma/migrations
// must produce exactly prisma/schema.prisma, and must be recorded so `prisma migrate deploy` could
// take over.
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startEmbeddedPostgres } from '../../src/server/db/embedded-postgres'
import { applyMigrations, diffMigrationsToSchema } from '../../src/server/db/migrations/runner'
import {
  createScratchDatabase,
  type ScratchDatabase,
  testDatabaseUrl,
  testPoolSize,
} from '../support/database'

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))
const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url))

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(sql)).rows
  } finally {
    await client.end()
  }
}

// On a real server the runner creates (and drops) its own pek_shadow_* database next to the given
// one. PGlite serves a single database under every name, so an embedded run replays the
// migrations in a second in-memory PGlite instead.
async function diffAgainst(databaseUrl: string, schema: string): Promise<string> {
  if (!inject('embedded')) return diffMigrationsToSchema({ databaseUrl, migrationsDir, schemaPath: schema })
  const shadow = await startEmbeddedPostgres()
  try {
    return await diffMigrationsToSchema({
      databaseUrl,
      migrationsDir,
      schemaPath: schema,
      shadowDatabaseUrl: shadow.url,
    })
  } finally {
    await shadow.stop()
  }
}

describe('migrations', () => {
  let scratch: ScratchDatabase | undefined
  let firstRun: string[] = []
  let migrationNames: string[] = []

  beforeAll(async () => {
    const entries = await readdir(migrationsDir, { withFileTypes: true })
    migrationNames = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
    scratch = await createScratchDatabase()
    firstRun = await applyMigrations({ databaseUrl: scratch.url, migrationsDir })
  })

  afterAll(async () => {
    await scratch?.drop()
  })

  const scratchUrl = () => {
    if (!scratch) throw new Error('no scratch database')
    return scratch.url
  }

  it('applies each migration once and records it as prisma migrate deploy does', async () => {
    expect(migrationNames.length).toBeGreaterThanOrEqual(2)
    expect(firstRun).toEqual(migrationNames)
    expect(await applyMigrations({ databaseUrl: scratchUrl(), migrationsDir })).toEqual([])

    const rows = await query(
      scratchUrl(),
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM _prisma_migrations ORDER BY migration_name`,
    )
    const expected = await Promise.all(
      migrationNames.map(async (name) => ({
        migration_name: name,
        // Prisma's checksum: sha256 of the migration.sql bytes, lower-case hex.
        checksum: createHash('sha256')
          .update(await readFile(path.join(migrationsDir, name, 'migration.sql')))
          .digest('hex'),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    )
    expect(rows).toEqual(expected)
  })

  it('finds no drift between the migrations and prisma/schema.prisma', async () => {
    expect(await diffAgainst(scratchUrl(), schemaPath)).toBe('')
  })

  it('reports drift when the schema has changed (the check can fail)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pek-drift-'))
    try {
      const schema = await readFile(schemaPath, 'utf8')
      const changed = schema.replace(/^model Realm \{\n/m, 'model Realm {\n  driftProbe String?\n')
      expect(changed).not.toBe(schema)
      const changedPath = path.join(dir, 'schema.prisma')
      await writeFile(changedPath, changed)

      const sql = await diffAgainst(scratchUrl(), changedPath)
      expect(sql).toMatch(/ALTER TABLE "Realm" ADD COLUMN\s+"driftProbe" TEXT/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('seeds the hub realm into the database of the test run', async () => {
    const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: testPoolSize() })
    try {
      const { rows } = await pool.query(`SELECT id, name FROM "Realm" WHERE id = 'hub'`)
      expect(rows).toEqual([{ id: 'hub', name: 'Hub' }])
    } finally {
      await pool.end()
    }
  })
})
