// `pnpm db:migrate`: applies the pending migrations in prisma/migrations to DATABASE_URL, like
// `prisma migrate deploy`, with the wasm schema engine (docs/decisions/0002-offline-migration-runner.md).
import { fileURLToPath } from 'node:url'
import { ConfigError, databaseUrlFrom } from '../app.config'
import { applyMigrations } from '../src/server/db/migrations/runner'

const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url))

try {
  const applied = await applyMigrations({ databaseUrl: databaseUrlFrom(process.env), migrationsDir })
  if (applied.length === 0) {
    console.log('Database is up to date: no pending migrations.')
  } else {
    console.log(`Applied ${applied.length} migration(s):`)
    for (const name of applied) console.log(`  ${name}`)
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exitCode = 1
}
