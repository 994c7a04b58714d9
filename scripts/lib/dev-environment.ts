// What `pnpm dev` and the e2e tests set up before the app starts: secrets kept in .data/, a
// database (the given one or an embedded PGlite), migrations, demo data, the local OIDC server.
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { seedIfEmpty } from '#tests/factories/seed'
import { DEMO_ACCOUNTS } from '~/server/auth/dev-oidc/demo-accounts'
import { startDevOidcServer } from '~/server/auth/dev-oidc/server'
import { createPrismaClient } from '~/server/db/client'
import { startEmbeddedPostgres } from '~/server/db/embedded-postgres'
import { applyMigrations } from '~/server/db/migrations/runner'

export const DEV_CLIENT = { clientId: 'pek-dev', clientSecret: 'pek-dev-secret-not-for-production' }

/** A session signing key generated once per checkout, so dev restarts keep everyone logged in. */
export function devSessionKey(dataDir: string): { SESSION_SIGNING_KEY: string; SESSION_KEY_ID: string } {
  const file = join(dataDir, 'dev-session-key.json')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    writeFileSync(file, JSON.stringify({ SESSION_SIGNING_KEY: pem, SESSION_KEY_ID: `dev-${Date.now()}` }), {
      mode: 0o600,
    })
  }
  return JSON.parse(readFileSync(file, 'utf8'))
}

export interface DevEnvironmentOptions {
  /** An external PostgreSQL; when absent an embedded PGlite is started. */
  databaseUrl?: string
  /** Where PGlite keeps its data; undefined = in memory (tests). */
  pgliteDir?: string
  dataDir: string
  publicUrl: string
  oidcPort: number
  /** Keep the OIDC provider's keys across restarts (dev) or not (tests). */
  oidcKeysFile?: string
  seed: boolean
}

export interface DevEnvironment {
  env: Record<string, string>
  stop(): Promise<void>
}

export async function startDevEnvironment(o: DevEnvironmentOptions): Promise<DevEnvironment> {
  const stops: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const s of stops.reverse()) await s()
  }
  try {
    let databaseUrl = o.databaseUrl
    let poolSize = '10'
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({ dataDir: o.pgliteDir })
      stops.push(() => embedded.stop())
      databaseUrl = embedded.url
      poolSize = '1'
    }
    const applied = await applyMigrations({
      databaseUrl,
      migrationsDir: join(process.cwd(), 'prisma/migrations'),
    })
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
    if (o.seed) {
      const db = createPrismaClient({ url: databaseUrl, poolSize: 1 })
      try {
        const seeded = await seedIfEmpty(db, 'hub')
        if (seeded) console.log(`Seeded demo data: ${JSON.stringify(seeded)}`)
      } finally {
        await db.$disconnect()
      }
    }
    const callback = new URL('/auth/callback', o.publicUrl).toString()
    const oidc = await startDevOidcServer({
      port: o.oidcPort,
      keysFile: o.oidcKeysFile,
      client: {
        ...DEV_CLIENT,
        redirectUris: [callback],
        postLogoutRedirectUris: [new URL('/', o.publicUrl).toString()],
      },
    })
    stops.push(() => oidc.stop())
    return {
      env: {
        PUBLIC_URL: o.publicUrl,
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: poolSize,
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: DEV_CLIENT.clientId,
        OIDC_CLIENT_SECRET: DEV_CLIENT.clientSecret,
        OIDC_SCOPES: 'openid profile email neptun',
        OIDC_ALLOW_INSECURE: 'true',
        ...devSessionKey(o.dataDir),
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

export function demoLoginTable(): string {
  return DEMO_ACCOUNTS.map((a) => `  ${`${a.familyName} ${a.givenName}`.padEnd(16)} ${a.role.hu}`).join('\n')
}
