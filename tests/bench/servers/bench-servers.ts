// The two servers of a run: the production app (the private copy of the build, scripts/start.mjs,
// configured from the environment like any deployment) and the floors (../floor/server.ts). Both
// get the same database, pool size and session key.
//
// The app needs an OpenID issuer in its configuration, but it contacts the issuer only when someone
// logs in through it; the bench's users come with ready sessions (../http/sessions.ts), so the
// issuer is a loopback address nothing listens on (app.config.ts allows http:// only there).
//
// The search and write rate limits (ADR 0019) are raised out of the way: all the load comes from one
// address, and a closed-loop run asks far more of each user than a person could. The limiter still
// runs on every request; the 100 editors' run stays within the default per-user limit anyway.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVER_NODE_FLAGS } from '../../../scripts/server-node-flags.mjs'
import { REALM } from '../dataset/load'
import type { SessionKey } from '../http/sessions'
import { type ServerProcess, startServerProcess } from './process'

export const POOL_SIZE = 10
const UNLIMITED = 1_000_000_000
const IDLE_MINUTES = 30

export interface BenchServers {
  app: ServerProcess
  floor: ServerProcess
  stop(): Promise<void>
}

const basics = Object.fromEntries(
  Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME }).filter(([, v]) => v !== undefined),
) as Record<string, string>

export async function startBenchServers(o: {
  root: string
  start: string
  databaseUrl: string
  key: SessionKey
  appPort: number
  floorPort: number
  logDir: string
}): Promise<BenchServers> {
  const publicUrl = `http://127.0.0.1:${o.appPort}`
  const photos = mkdtempSync(join(tmpdir(), 'pek-bench-photos-'))
  const app = await startServerProcess({
    name: 'the app',
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app under the bench's load.
    args: [
      ...SERVER_NODE_FLAGS,
      ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      o.start,
    ],
    port: o.appPort,
    readyPath: '/healthz',
    logFile: join(o.logDir, 'app.log'),
    env: {
      ...basics,
      NODE_ENV: 'production',
      REALM_ID: REALM,
      INSTANCE_ROLE: 'hub',
      PUBLIC_URL: publicUrl,
      PORT: String(o.appPort),
      DATABASE_URL: o.databaseUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'pek-bench',
      OIDC_CLIENT_SECRET: 'pek-bench-not-a-secret',
      SESSION_SIGNING_KEY: o.key.pem,
      SESSION_KEY_ID: o.key.keyId,
      SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
      LOG_LEVEL: 'info',
      RATE_LIMIT_SEARCH_PER_MINUTE: String(UNLIMITED),
      RATE_LIMIT_WRITE_PER_MINUTE: String(UNLIMITED),
      PHOTO_STORAGE_DIR: photos,
    },
  })
  try {
    const floor = await startServerProcess({
      name: 'the floor',
      args: ['--import', 'tsx', join(o.root, 'tests/bench/floor/server.ts')],
      port: o.floorPort,
      readyPath: '/hello',
      logFile: join(o.logDir, 'floor.log'),
      env: {
        ...basics,
        NODE_ENV: 'production',
        FLOOR_PORT: String(o.floorPort),
        FLOOR_DATABASE_URL: o.databaseUrl,
        FLOOR_POOL_SIZE: String(POOL_SIZE),
        FLOOR_REALM_ID: REALM,
        FLOOR_SESSION_KEY: o.key.pem,
        FLOOR_SESSION_KEY_ID: o.key.keyId,
        FLOOR_ISSUER: new URL(publicUrl).origin,
        FLOOR_IDLE_SECONDS: String(IDLE_MINUTES * 60),
      },
    })
    const stop = async () => {
      await Promise.all([app.stop(), floor.stop()])
      rmSync(photos, { recursive: true, force: true })
    }
    return { app, floor, stop }
  } catch (error) {
    await app.stop()
    rmSync(photos, { recursive: true, force: true })
    throw error
  }
}
