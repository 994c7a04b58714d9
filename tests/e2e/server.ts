// The server the end-to-end suite runs against (started by playwright.config.ts, or by hand:
// `pnpm build && tsx tests/e2e/server.ts`): the production build (`pnpm build` → dist/) served by
// scripts/start.mjs, with a fresh database (seeded demo data) and the local OIDC provider.
//
// - TEST_DATABASE_URL set (an admin URL, e.g. postgres://postgres@127.0.0.1:5432/postgres): a new
//   database pek_e2e_<timestamp>_<random> on that server, dropped on exit;
// - otherwise an in-memory embedded PGlite.
//
// It writes what the fixtures need to mint sessions to test-results/e2e-env.json (see ./fixtures.ts).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { DEMO_ACCOUNTS } from '~/server/auth/dev-oidc/demo-accounts'
import { createDatabase, randomDatabaseName } from '~/server/db/migrations/schema-engine'
import { startDevEnvironment } from '../../scripts/lib/dev-environment'
import type { E2eEnv } from './fixtures'
import { basics, harness } from './harness-env'

const root = join(import.meta.dirname, '../..')
// Keep in step with playwright.config.ts (baseURL) and ./fixtures.ts (E2E_ENV_FILE).
const E2E_PORT = 3210
const E2E_PUBLIC_URL = `http://localhost:${E2E_PORT}`
const E2E_ENV_FILE = join(root, 'test-results/e2e-env.json')
const USED_SESSIONS_FILE = join(root, 'test-results/e2e-used-sessions.json')
const REALM_ID = 'hub'

/**
 * How many ready-made sessions per demo account the PGlite run gets (see createSessionStock). The
 * evaluation specs switch the period as the RVT leader a dozen times each, in a context of its own.
 */
const STOCK_PER_ACCOUNT = 60

const log = (msg: string) => console.log(`[e2e-server] ${msg}`)

const cleanups: (() => Promise<void>)[] = []
let app: ChildProcess | undefined
let stopping: Promise<void> | undefined

function shutdown(code: number): Promise<void> {
  stopping ??= (async () => {
    if (app && app.exitCode === null && app.signalCode === null) {
      const exited = new Promise((resolve) => app?.once('exit', resolve))
      app.kill('SIGTERM')
      const timer = setTimeout(() => app?.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('[e2e-server] cleanup failed:', error))
    }
    process.exit(code)
  })()
  return stopping
}
// `on`, not `once`: a group signal arrives twice (directly and relayed by tsx's CLI), and a second
// one without a handler would kill the process before the database is dropped.
process.on('SIGTERM', () => void shutdown(0))
process.on('SIGINT', () => void shutdown(0))

/**
 * PGlite serves ONE connection at a time and the app's pool keeps its connection open while it is
 * in use and for 30 s after (idleTimeoutMillis in src/server/db/client.ts), so a fixture connecting
 * during the run would wait for that. On PGlite the sessions are therefore created here, before the
 * app starts; each test takes unused ones (tests/e2e/fixtures.ts). On a real server the fixtures
 * insert their sessions themselves.
 */
async function createSessionStock(databaseUrl: string): Promise<E2eEnv['sessionStock']> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  try {
    const stock: E2eEnv['sessionStock'] = {}
    const expiresAt = new Date(Date.now() + 12 * 3600_000)
    for (const account of DEMO_ACCOUNTS) {
      const { rows } = await pool.query<{ id: number }>(
        'SELECT id FROM "User" WHERE "realmId" = $1 AND subject = $2',
        [REALM_ID, account.subject],
      )
      const user = rows[0]
      if (!user) continue // the newcomer has no user until he logs in
      const ids = Array.from({ length: STOCK_PER_ACCOUNT }, () => randomUUID())
      await pool.query(
        `INSERT INTO "Session" (id, "realmId", "userId", "expiresAt")
         SELECT unnest($1::uuid[]), $2, $3, $4`,
        [ids, REALM_ID, user.id, expiresAt],
      )
      stock[account.subject] = { userId: user.id, sessionIds: ids }
    }
    return stock
  } finally {
    await pool.end()
  }
}

async function main() {
  const started = performance.now()
  if (!existsSync(join(root, 'dist/server/server.js'))) {
    log('dist/server/server.js is missing: running pnpm build')
    const build = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit', env: basics })
    if (build.status !== 0) throw new Error(`pnpm build failed (exit ${build.status})`)
  }

  let databaseUrl: string | undefined
  if (harness.TEST_DATABASE_URL) {
    const database = await createDatabase(
      harness.TEST_DATABASE_URL,
      randomDatabaseName(`pek_e2e_${Date.now()}`),
    )
    cleanups.push(async () => {
      await database.drop()
      log(`dropped database ${database.name}`)
    })
    databaseUrl = database.url
    log(`created database ${database.name}`)
  }

  // A fresh session signing key per run (devSessionKey keeps it in dataDir).
  const dataDir = mkdtempSync(join(tmpdir(), 'pek-e2e-'))
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }))

  const dev = await startDevEnvironment({
    databaseUrl,
    dataDir,
    publicUrl: E2E_PUBLIC_URL,
    oidcPort: 0, // the issuer URL carries the chosen port; only the app's callback URL must be fixed
    seed: true,
  })
  cleanups.push(() => dev.stop())
  const embedded = databaseUrl === undefined
  const appEnv = dev.env
  const sessionStock = embedded ? await createSessionStock(requireValue(appEnv, 'DATABASE_URL')) : {}

  const e2eEnv: E2eEnv = {
    publicUrl: requireValue(appEnv, 'PUBLIC_URL'),
    databaseUrl: requireValue(appEnv, 'DATABASE_URL'),
    embedded,
    realmId: REALM_ID,
    oidcIssuer: requireValue(appEnv, 'OIDC_ISSUER'),
    sessionSigningKey: requireValue(appEnv, 'SESSION_SIGNING_KEY'),
    sessionKeyId: requireValue(appEnv, 'SESSION_KEY_ID'),
    sessionStock,
  }
  mkdirSync(dirname(E2E_ENV_FILE), { recursive: true })
  rmSync(USED_SESSIONS_FILE, { force: true })
  writeFileSync(E2E_ENV_FILE, `${JSON.stringify(e2eEnv, null, 2)}\n`, { mode: 0o600 })
  cleanups.push(async () => {
    rmSync(E2E_ENV_FILE, { force: true })
    rmSync(USED_SESSIONS_FILE, { force: true })
  })

  app = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...basics,
      ...appEnv,
      PORT: String(E2E_PORT),
      REALM_ID,
      // Not 'production': app.config.ts refuses OIDC_ALLOW_INSECURE there, and the local provider is
      // http:// (docker-compose.yml's `oidc` profile runs as development for the same reason).
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // The PGlite session stock is created at start-up and used up over the whole run: a longer run
      // must not see it idle out (the idle timeout is tested with a fake clock in tests/integration).
      SESSION_IDLE_MINUTES: '720',
      // The run's own folder (removed on exit), not the checkout's .data/photos.
      PHOTO_STORAGE_DIR: join(dataDir, 'photos'),
      // The whole suite logs in, searches and saves from one address within minutes: no throttling
      // here (the limits themselves: tests/unit/rate-limit.test.ts, tests/e2e/operations.spec.ts).
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
      RATE_LIMIT_SEARCH_PER_MINUTE: '100000',
      RATE_LIMIT_WRITE_PER_MINUTE: '100000',
    },
  })
  app.once('exit', (code, signal) => {
    if (stopping) return
    // A signal to the whole process group (Playwright's gracefulShutdown) reaches the app first.
    const expected = code === 0 || signal === 'SIGTERM' || signal === 'SIGINT'
    if (!expected) console.error(`[e2e-server] the app exited unexpectedly (code ${code}, signal ${signal})`)
    void shutdown(expected ? 0 : 1)
  })
  log(
    `app starting on ${E2E_PUBLIC_URL} (${embedded ? 'embedded PGlite' : 'PostgreSQL'}, OIDC ${e2eEnv.oidcIssuer}), ` +
      `environment ready in ${Math.round(performance.now() - started)} ms`,
  )
}

function requireValue(record: Record<string, string>, key: string): string {
  const value = record[key]
  if (value === undefined) throw new Error(`startDevEnvironment returned no ${key}`)
  return value
}

main().catch((error: unknown) => {
  console.error('[e2e-server] failed to start:', error)
  void shutdown(1)
})
