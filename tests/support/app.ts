// A hub container wired to the test run's database, the way the app wires itself at boot.
import 'reflect-metadata'
import { generateKeyPairSync } from 'node:crypto'
import { type DependencyContainer, container as root } from 'tsyringe'
import { type AppConfig, loadConfig } from '#config'
import {
  type BasePrismaClient,
  createPrismaClient,
  createRealmClient,
  type RealmClient,
} from '~/server/db/client'
import { registerHubModule } from '~/server/di/hub-module'
import { CLOCK, type Clock } from '~/server/di/tokens'
import { createLogger } from '~/server/logger'
import { testDatabaseUrl, testPoolSize } from './database'

let signingKey: string | undefined

/** The environment of a valid test configuration (what `pnpm start` would read); override any variable. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  signingKey ??= generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString()
  return {
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3999',
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_POOL_SIZE: String(testPoolSize()),
    OIDC_ISSUER: 'http://127.0.0.1:4999',
    OIDC_CLIENT_ID: 'pek-test',
    OIDC_CLIENT_SECRET: 'pek-test-secret',
    OIDC_ALLOW_INSECURE: 'true',
    SESSION_SIGNING_KEY: signingKey,
    SESSION_KEY_ID: 'test-1',
    LOG_LEVEL: 'silent',
    // In-process requests all come from one unknown address: tests are not throttled unless they
    // ask for a limit (tests/integration/login-operations.test.ts).
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    ...overrides,
  }
}

/** A valid configuration for tests; override any variable. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig(testEnv(overrides))
}

export interface TestApp {
  app: DependencyContainer
  config: AppConfig
  /**
   * The owner's client: unguarded and exempt from row-level security, for factories and
   * assertions on any realm.
   */
  db: BasePrismaClient
  /** The app's client for a realm, as the services get it (one per realm, closed with the app). */
  realmClient(realmId: string): RealmClient
  close(): Promise<void>
}

/**
 * One per test file. On the embedded database, which serves a single connection at a time, the
 * owner's and the app's pools take turns (a pool of one gives its connection back when idle).
 */
export function createTestApp(overrides: Record<string, string> = {}): TestApp {
  const config = testConfig(overrides)
  const db = createPrismaClient(config.database)
  const realmClients = new Map<string, RealmClient>()
  const realmClient = (realmId: string) => {
    let client = realmClients.get(realmId)
    if (!client) {
      client = createRealmClient(config.database, realmId)
      realmClients.set(realmId, client)
    }
    return client
  }
  const app = registerHubModule(root.createChildContainer(), {
    config,
    prisma: realmClient(config.realmId),
    logger: createLogger('silent'),
  })
  const close = async () => {
    await Promise.all([db, ...realmClients.values()].map((client) => client.$disconnect()))
  }
  return { app, config, db, realmClient, close }
}

export interface Rebinding {
  /** A clock the test moves by hand (idle timeout, lifetimes) instead of sleeping. */
  clock?: Clock
}

/**
 * Another container over the same database connections, as after a restart with other settings
 * (key rotation, another realm) or with some tokens bound differently. Nothing to close: `t` owns
 * the connections.
 */
export function reconfigured(
  t: TestApp,
  overrides: Record<string, string> = {},
  rebind: Rebinding = {},
): TestApp {
  const config = testConfig(overrides)
  const app = registerHubModule(root.createChildContainer(), {
    config,
    prisma: t.realmClient(config.realmId),
    logger: createLogger('silent'),
  })
  // Registered before anything is resolved: container-scoped services keep what they got first.
  if (rebind.clock) app.register(CLOCK, { useValue: rebind.clock })
  return { app, config, db: t.db, realmClient: t.realmClient, close: async () => {} }
}
