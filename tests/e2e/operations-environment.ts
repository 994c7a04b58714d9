// The environment of tests/e2e/operations.spec.ts's own server, run with tsx (Playwright's loader
// cannot load the decorated services the seed and migrations import): a fresh database (on
// TEST_DATABASE_URL, or an embedded PGlite), migrated, and the local OIDC provider for the given
// public URL. Prints the app's variables on stdout as one line, `ENV <json>` (the dev environment
// prints progress too), then keeps them up until SIGTERM, when it drops the database.
//
//   tsx tests/e2e/operations-environment.ts <public url>
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { createDatabase, randomDatabaseName } from '~/server/db/migrations/schema-engine'
import { startDevEnvironment } from '../../scripts/lib/dev-environment'
import { harness } from './harness-env'

const args = z.tuple([z.url()]).parse(process.argv.slice(2))

const cleanups: (() => Promise<void>)[] = []
let stopping = false
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
  }
  process.exit(code)
}
process.on('SIGTERM', () => void stop(0))
process.on('SIGINT', () => void stop(0))

async function main() {
  let databaseUrl: string | undefined
  if (harness.TEST_DATABASE_URL) {
    const database = await createDatabase(harness.TEST_DATABASE_URL, randomDatabaseName('pek_e2e_ops'))
    cleanups.push(() => database.drop())
    databaseUrl = database.url
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pek-e2e-ops-'))
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }))
  const dev = await startDevEnvironment({
    databaseUrl,
    dataDir,
    publicUrl: args[0],
    oidcPort: 0,
    seed: false,
  })
  cleanups.push(() => dev.stop())
  process.stdout.write(`ENV ${JSON.stringify({ ...dev.env, PHOTO_STORAGE_DIR: join(dataDir, 'photos') })}\n`)
}

main().catch((error: unknown) => {
  console.error('[operations-environment] failed:', error)
  void stop(1)
})
