// Fixtures of the end-to-end suite: log in without the UI (a real session row + a cookie signed
// exactly like the app signs it), craft bad session tokens for the security tests, wait for
// hydration, and keep named screenshots in test-results/screenshots/.
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { base64url, decodeJwt } from 'jose'
import pg from 'pg'
import { z } from 'zod'
import {
  loadSessionKeys,
  type SessionKeys,
  sessionCookieName,
  signSessionToken,
} from '~/server/auth/session-token'

const root = join(import.meta.dirname, '../..')
/** Written by ./server.ts once the environment is up. */
export const E2E_ENV_FILE = join(root, 'test-results/e2e-env.json')
const USED_SESSIONS_FILE = join(root, 'test-results/e2e-used-sessions.json')
export const SCREENSHOT_DIR = join(root, 'test-results/screenshots')

export const E2eEnvSchema = z.object({
  publicUrl: z.url(),
  databaseUrl: z.string().min(1),
  /** The embedded PGlite: one connection at a time, so sessions come from sessionStock. */
  embedded: z.boolean(),
  realmId: z.string().min(1),
  oidcIssuer: z.url(),
  sessionSigningKey: z.string().min(1),
  sessionKeyId: z.string().min(1),
  /** PGlite runs only: sessions created before the app started, per OIDC subject. */
  sessionStock: z.record(z.string(), z.object({ userId: z.number(), sessionIds: z.array(z.uuid()) })),
})
export type E2eEnv = z.infer<typeof E2eEnvSchema>

let cachedEnv: E2eEnv | undefined
export function e2eEnv(): E2eEnv {
  if (!cachedEnv) {
    if (!existsSync(E2E_ENV_FILE)) {
      throw new Error(
        `${E2E_ENV_FILE} is missing: is tests/e2e/server.ts running (see playwright.config.ts)?`,
      )
    }
    cachedEnv = E2eEnvSchema.parse(JSON.parse(readFileSync(E2E_ENV_FILE, 'utf8')))
  }
  return cachedEnv
}

let cachedKeys: Promise<SessionKeys> | undefined
function sessionKeys(): Promise<SessionKeys> {
  const env = e2eEnv()
  cachedKeys ??= loadSessionKeys({ signingKeyPem: env.sessionSigningKey, keyId: env.sessionKeyId })
  return cachedKeys
}

/** The token issuer the app expects: PUBLIC_URL's origin (src/server/auth/access.ts). */
const sessionIssuer = () => new URL(e2eEnv().publicUrl).origin

/** The session cookie's name on our http:// test server. */
export const SESSION_COOKIE = sessionCookieName(false)

export interface TestSession {
  subject: string
  userId: number
  sessionId: string
  expiresAt: Date
  /** A valid session JWT for the row, as the app would have issued it. */
  token: string
}

/** Demo accounts by OIDC subject (src/server/auth/dev-oidc/demo-accounts.ts). */
export const DEMO = {
  anna: { subject: 'demo-anna', name: 'Kovács Anna' },
  bence: { subject: 'demo-bence', name: 'Nagy Bence' },
  csilla: { subject: 'demo-csilla', name: 'Szabó Csilla' },
  ferenc: { subject: 'demo-ferenc', name: 'Kiss Ferenc' },
} as const

/** Seeded group ids (tests/factories/demo-dataset.ts): deterministic. */
export const KIR_DEV_ID = 10

function takeStockSession(env: E2eEnv, subject: string): { userId: number; sessionId: string } {
  const stock = env.sessionStock[subject]
  if (!stock)
    throw new Error(`no seeded user with subject ${subject} (the newcomer has none until he logs in)`)
  const used = new Set<string>(
    existsSync(USED_SESSIONS_FILE)
      ? z.array(z.string()).parse(JSON.parse(readFileSync(USED_SESSIONS_FILE, 'utf8')))
      : [],
  )
  const sessionId = stock.sessionIds.find((id) => !used.has(id))
  if (!sessionId)
    throw new Error(`the session stock of ${subject} is used up: raise STOCK_PER_ACCOUNT in server.ts`)
  used.add(sessionId)
  writeFileSync(USED_SESSIONS_FILE, JSON.stringify([...used]))
  return { userId: stock.userId, sessionId }
}

async function insertSession(env: E2eEnv, subject: string, expiresAt: Date) {
  // One connection, closed right after: the app has its own pool on the same database.
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 1, connectionTimeoutMillis: 10_000 })
  try {
    const { rows } = await pool.query<{ id: number }>(
      'SELECT id FROM "User" WHERE "realmId" = $1 AND subject = $2',
      [env.realmId, subject],
    )
    const user = rows[0]
    if (!user) throw new Error(`no user with subject ${subject} in realm ${env.realmId}`)
    const sessionId = randomUUID()
    await pool.query('INSERT INTO "Session" (id, "realmId", "userId", "expiresAt") VALUES ($1, $2, $3, $4)', [
      sessionId,
      env.realmId,
      user.id,
      expiresAt,
    ])
    return { userId: user.id, sessionId }
  } finally {
    await pool.end()
  }
}

/**
 * A fresh, live session row for the seeded user with this OIDC subject, and its token. On a real
 * PostgreSQL the row is inserted now; on the embedded PGlite it is an unused one of those that
 * server.ts created before the app took the database's only connection.
 */
export async function createSession(subject: string): Promise<TestSession> {
  const env = e2eEnv()
  // The stock rows live 12 h from the server's start; a test run is far shorter.
  const expiresAt = new Date(Date.now() + 3600_000)
  const { userId, sessionId } = env.embedded
    ? takeStockSession(env, subject)
    : await insertSession(env, subject, expiresAt)
  const token = await signSessionToken(
    await sessionKeys(),
    sessionIssuer(),
    { userId, sessionId, realmId: env.realmId },
    expiresAt,
  )
  return { subject, userId, sessionId, expiresAt, token }
}

/** Puts a session cookie (any value) into the page's browser context, as the app would set it. */
export async function setSessionCookie(page: Page, token: string): Promise<void> {
  await page
    .context()
    .addCookies([
      { name: SESSION_COOKIE, value: token, url: e2eEnv().publicUrl, httpOnly: true, sameSite: 'Lax' },
    ])
}

/** Logs the page's browser context in as the seeded user with this OIDC subject, without the UI. */
export async function loginAs(page: Page, subject: string): Promise<TestSession> {
  const session = await createSession(subject)
  await setSessionCookie(page, session.token)
  return session
}

/** `pek_session=<token>` for a Cookie header. */
export const sessionCookieHeader = (token: string) => `${SESSION_COOKIE}=${token}`

// ---- bad tokens ------------------------------------------------------------------------------------

const segments = (token: string): [string, string, string] => {
  const [header, payload, signature] = token.split('.')
  if (header === undefined || payload === undefined || signature === undefined) {
    throw new Error('not a JWS compact token')
  }
  return [header, payload, signature]
}

/** Same claims, signed by our key, but already expired. */
export async function expiredToken(session: TestSession): Promise<string> {
  const env = e2eEnv()
  const claims = { userId: session.userId, sessionId: session.sessionId, realmId: env.realmId }
  return signSessionToken(await sessionKeys(), sessionIssuer(), claims, new Date(Date.now() - 60_000))
}

/** The signature with one byte changed (in the middle: the last character also holds padding bits). */
export function tamperedSignatureToken(session: TestSession): string {
  const [header, payload, signature] = segments(session.token)
  const bytes = base64url.decode(signature)
  const middle = Math.floor(bytes.length / 2)
  bytes[middle] = (bytes[middle] ?? 0) ^ 0x01
  return `${header}.${payload}.${base64url.encode(bytes)}`
}

/** The original signature on a payload that claims to be another user (privilege escalation attempt). */
export function tamperedPayloadToken(session: TestSession, userId: number): string {
  const [header, , signature] = segments(session.token)
  const payload = base64url.encode(JSON.stringify({ ...decodeJwt(session.token), sub: String(userId) }))
  return `${header}.${payload}.${signature}`
}

/** An unsigned token (`alg: none`) with the session's valid claims. */
export function algNoneToken(session: TestSession): string {
  const [, payload] = segments(session.token)
  const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: e2eEnv().sessionKeyId }))
  return `${header}.${payload}.`
}

/** Signed by the app's own key, but naming a key id the app does not know. */
export async function unknownKidToken(session: TestSession): Promise<string> {
  const keys = { ...(await sessionKeys()), keyId: `unknown-${randomUUID()}` }
  const claims = { userId: session.userId, sessionId: session.sessionId, realmId: e2eEnv().realmId }
  return signSessionToken(keys, sessionIssuer(), claims, session.expiresAt)
}

/** Naming the app's key id, but signed by another P-256 key (a forger's). */
export async function foreignKeyToken(session: TestSession): Promise<string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const keys = await loadSessionKeys({ signingKeyPem: pem, keyId: e2eEnv().sessionKeyId })
  const claims = { userId: session.userId, sessionId: session.sessionId, realmId: e2eEnv().realmId }
  return signSessionToken(keys, sessionIssuer(), claims, session.expiresAt)
}

/** Valid in every respect but for another realm than the one this instance serves. */
export async function otherRealmToken(session: TestSession): Promise<string> {
  const claims = { userId: session.userId, sessionId: session.sessionId, realmId: 'elsewhere' }
  return signSessionToken(await sessionKeys(), sessionIssuer(), claims, session.expiresAt)
}

// ---- pages -----------------------------------------------------------------------------------------

/** Clicks before hydration do nothing: the root marks <html data-hydrated="true"> in an effect. */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true')
}

export interface SnapOptions {
  /** Another page than the test's own. */
  page?: Page
  /** Only the viewport, e.g. with a modal open (a full-page capture stretches the page behind it). */
  fullPage?: boolean
}

export const test = base.extend<{
  /** Saves a screenshot as test-results/screenshots/<name>.png and attaches it to the report. */
  snap: (name: string, options?: SnapOptions) => Promise<void>
}>({
  snap: async ({ page }, use, testInfo) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await use(async (name, options = {}) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await (options.page ?? page).screenshot({ path, fullPage: options.fullPage ?? true })
      await testInfo.attach(name, { path, contentType: 'image/png' })
    })
  },
})

export { expect }
