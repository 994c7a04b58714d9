// Backups (docs/operations.md): scripts/backup.sh dumps a seeded database, scripts/restore.sh puts it
// into a fresh database on another server (as after losing the first), and the app serves the
// restored one as it served the original. On PostgreSQL servers of the test's own, so pg_dump and the
// servers are the same version and the run's database (which may be the embedded PGlite) is not
// involved.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations } from '~/server/db/migrations/runner'
import { createDatabase } from '~/server/db/migrations/schema-engine'
import { loadDemoDataset } from '../factories/demo-dataset'
import { createTestApp, type TestApp } from '../support/app'
import { type PostgresServer, postgresBinDir, startPostgresServer } from '../support/postgres-server'
import { callerAs } from '../support/trpc'

const run = promisify(execFile)
const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url))
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))

let server: PostgresServer
/** A new server: none of the original's roles, like a machine set up after a loss. */
let target: PostgresServer
let folder: string
let source: TestApp
let dump: string

/** Runs one of the scripts with the server's own client tools first on PATH. */
function script(name: 'backup.sh' | 'restore.sh', databaseUrl: string, args: string[]) {
  return run('bash', [join(scripts, name), ...args], {
    env: { PATH: `${postgresBinDir()}:${process.env.PATH ?? ''}`, DATABASE_URL: databaseUrl },
  })
}

/** What a visitor sees of the directory: every group with its member count, and one group's page. */
async function directory(t: TestApp) {
  const anonymous = await callerAs(t, null)
  const groups = await anonymous.group.list({ status: 'all', filter: '' })
  const first = groups[0]
  if (!first) throw new Error('no groups')
  return { groups, first: await anonymous.group.get({ groupId: first.id }) }
}

beforeAll(async () => {
  const servers = await Promise.all([startPostgresServer(), startPostgresServer()])
  server = servers[0]
  target = servers[1]
  folder = mkdtempSync(join(tmpdir(), 'pek-backup-'))
  dump = join(folder, 'pek.dump')
  const { url } = await createDatabase(server.adminUrl, 'pek_source')
  await applyMigrations({ databaseUrl: url, migrationsDir })
  source = createTestApp({ DATABASE_URL: url, DATABASE_POOL_SIZE: '2' })
  await loadDemoDataset(source.db, { realmId: 'hub', users: 120 })
}, 180_000)

afterAll(async () => {
  await source?.close()
  await Promise.all([server?.destroy(), target?.destroy()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('restores a dump into a fresh database that the app serves like the original', async () => {
    await script('backup.sh', server.urlOf('pek_source'), [dump])
    expect(statSync(dump).size).toBeGreaterThan(0)

    await createDatabase(target.adminUrl, 'pek_restored')
    await script('restore.sh', target.urlOf('pek_restored'), [dump])

    const restored = createTestApp({ DATABASE_URL: target.urlOf('pek_restored'), DATABASE_POOL_SIZE: '2' })
    try {
      const before = await directory(source)
      expect(before.groups.length).toBeGreaterThan(10)
      expect(await directory(restored)).toEqual(before)
      // Nothing left to migrate: the migrations' bookkeeping came along.
      expect(await applyMigrations({ databaseUrl: target.urlOf('pek_restored'), migrationsDir })).toEqual([])
    } finally {
      await restored.close()
    }
  })

  it('refuses to restore into a database that has tables, and replaces it when told to', async () => {
    const restored = target.urlOf('pek_restored')
    await expect(script('restore.sh', restored, [dump])).rejects.toMatchObject({
      stderr: expect.stringContaining('is not empty'),
    })

    const app = createTestApp({ DATABASE_URL: restored, DATABASE_POOL_SIZE: '2' })
    try {
      // A change after the backup, which --replace must undo.
      await app.db.group.updateMany({ where: { realmId: 'hub' }, data: { name: 'Átnevezve' } })
    } finally {
      await app.close()
    }
    await script('restore.sh', restored, ['--replace', dump])

    const replaced = createTestApp({ DATABASE_URL: restored, DATABASE_POOL_SIZE: '2' })
    try {
      expect(await directory(replaced)).toEqual(await directory(source))
    } finally {
      await replaced.close()
    }
  })

  it('leaves no file behind when the dump fails', async () => {
    const failed = join(folder, 'missing-database.dump')
    await expect(script('backup.sh', server.urlOf('pek_no_such_database'), [failed])).rejects.toThrow()
    expect(() => statSync(failed)).toThrow()
    expect(() => statSync(`${failed}.partial`)).toThrow()
  })
})
