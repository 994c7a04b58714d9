// The benchmark's own database on the machine's PostgreSQL: pek_bench_<timestamp>_<random>, created
// and migrated for one run, seeded with the planned dataset, and dropped at the end.
import { join } from 'node:path'
import pg from 'pg'
import { z } from 'zod'
import { applyMigrations } from '~/server/db/migrations/runner'
import { createDatabase, randomDatabaseName } from '~/server/db/migrations/schema-engine'
import { type LoadSummary, loadDataset } from './dataset/load'
import type { DatasetPlan } from './dataset/plan'

/** An admin URL of the server the bench database is created on (BENCH_DATABASE_URL overrides it). */
const adminUrl = z
  .url({ protocol: /^postgres(ql)?$/ })
  .default('postgres://postgres@127.0.0.1:5432/postgres')
  .parse(process.env.BENCH_DATABASE_URL || undefined)

export interface BenchDatabase {
  name: string
  url: string
  summary: LoadSummary
  seedMs: number
  drop(): Promise<void>
}

export async function createBenchDatabase(root: string, plan: DatasetPlan): Promise<BenchDatabase> {
  const database = await createDatabase(adminUrl, randomDatabaseName(`pek_bench_${Date.now()}`))
  try {
    await applyMigrations({ databaseUrl: database.url, migrationsDir: join(root, 'prisma/migrations') })
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const started = performance.now()
      const summary = await loadDataset(client, plan)
      return { ...database, summary, seedMs: performance.now() - started }
    } finally {
      await client.end()
    }
  } catch (error) {
    await database.drop()
    throw error
  }
}
