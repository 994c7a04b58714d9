// What an operator relies on, against the production build (docs/decisions/0019): the request log
// lines and what they never contain, the metrics on their own port, the search rate limit, the body
// limit on a plain route, and a graceful stop. These tests run their own server (scripts/start.mjs
// on free ports, its own database, the local OIDC provider, a relay in front of the database that the
// test can pause; tests/e2e/operations-environment.ts), because the last one stops it and the others
// read its output.
import { type ChildProcess, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import { z } from 'zod'
import { type PausableProxy, startPausableProxy } from '../support/pausable-proxy'
import { freePort } from '../support/postgres-server'
import { DEMO, expect, SESSION_COOKIE, test, waitForHydration } from './fixtures'
import { basics, harness } from './harness-env'
import { statusBeforeBody } from './raw-request'

const root = join(import.meta.dirname, '../..')

/** This server's limits: low enough to reach in a test. */
const SEARCH_PER_MINUTE = 3

interface Stack {
  publicUrl: string
  metricsUrl: string
  port: number
  env: Record<string, string>
  app: ChildProcess
  exited: Promise<number | null>
  /** Every line the app wrote to stdout. */
  lines: string[]
  database: PausableProxy
  stop(): Promise<void>
}

/** Starts a child process and collects its stdout lines. */
function spawnWithLines(command: string, args: string[], env: Record<string, string>, label: string) {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const lines: string[] = []
  let pending = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n')
    pending = parts.pop() ?? ''
    lines.push(...parts.filter(Boolean))
  })
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk.toString()}`))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  return { child, exited, lines, stop }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function startStack(): Promise<Stack> {
  const cleanups: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
  }
  try {
    const [port, metricsPort] = [await freePort(), await freePort()]
    const publicUrl = `http://localhost:${port}`
    const environment = spawnWithLines(
      join(root, 'node_modules/.bin/tsx'),
      ['tests/e2e/operations-environment.ts', publicUrl],
      { ...basics, ...(harness.TEST_DATABASE_URL ? { TEST_DATABASE_URL: harness.TEST_DATABASE_URL } : {}) },
      'operations environment',
    )
    cleanups.push(environment.stop)
    const devEnv = await until(
      'the database and the OIDC provider',
      async () => {
        if (environment.child.exitCode !== null) throw new Error('the environment did not start')
        const line = environment.lines.find((l) => l.startsWith('ENV '))
        return line ? z.record(z.string(), z.string()).parse(JSON.parse(line.slice(4))) : undefined
      },
      120_000,
    )

    // The app reaches its database through a relay the shutdown test pauses.
    const direct = new URL(devEnv.DATABASE_URL ?? '')
    const database = await startPausableProxy({ host: direct.hostname, port: Number(direct.port || 5432) })
    cleanups.push(() => database.stop())
    const relayed = new URL(direct)
    relayed.hostname = '127.0.0.1'
    relayed.port = String(database.port)

    const env: Record<string, string> = {
      ...basics,
      ...devEnv,
      DATABASE_URL: relayed.toString(),
      PORT: String(port),
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      METRICS_PORT: String(metricsPort),
      SHUTDOWN_TIMEOUT_SECONDS: '20',
      RATE_LIMIT_SEARCH_PER_MINUTE: String(SEARCH_PER_MINUTE),
      RATE_LIMIT_IP_FACTOR: '1',
    }
    const app = spawnWithLines(process.execPath, [join(root, 'scripts/start.mjs')], env, 'operations app')
    cleanups.push(async () => {
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL')
      await app.exited
    })
    await until(
      'the app to be ready',
      async () => {
        if (app.child.exitCode !== null) throw new Error(`the app exited:\n${app.lines.join('\n')}`)
        return (
          (await fetch(`${publicUrl}/readyz`).then(
            (r) => r.ok,
            () => false,
          )) || undefined
        )
      },
      60_000,
    )
    return {
      publicUrl,
      metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
      port,
      env,
      app: app.child,
      exited: app.exited,
      lines: app.lines,
      database,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

const records = (stack: Stack) =>
  stack.lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>]
    } catch {
      return []
    }
  })

/** One sample's value from the Prometheus text, or undefined when the series is absent. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of metrics.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const have = (match[2] ?? '').split(',')
    if (wanted.every((label) => have.includes(label))) return Number(match[3])
  }
  return undefined
}

test.describe.configure({ mode: 'serial' })

let stack: Stack
test.beforeAll(async () => {
  test.setTimeout(180_000)
  stack = await startStack()
})
test.afterAll(async () => {
  await stack?.stop()
})

test('a login through the provider: one request line each, with id, user, realm, route, status and duration, and no secret', async ({
  page,
  context,
}) => {
  const { publicUrl } = stack
  const callbacks: URL[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(`${publicUrl}/auth/callback`)) callbacks.push(new URL(request.url()))
  })
  const flowCookies: string[] = []
  page.on('response', async (response) => {
    if (!response.url().startsWith(`${publicUrl}/auth/login`)) return
    const cookie = await response.headerValue('set-cookie')
    const value = /pek_login=([^;]+)/.exec(cookie ?? '')?.[1]
    if (value) flowCookies.push(value)
  })

  await page.goto(`${publicUrl}/auth/login?returnTo=/groups`)
  await page.getByRole('button', { name: DEMO.bence.name }).click()
  // A first login: the new user chooses a screen name before anything else.
  await expect(page).toHaveURL(`${publicUrl}/register`)
  await waitForHydration(page)
  // A client-side navigation: its server function call is a request of its own.
  const serverFunction = page.waitForResponse((response) => response.url().includes('/_serverFn/'))
  await page.getByRole('navigation').getByRole('link', { name: 'Körök' }).first().click()
  await serverFunction

  const session = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? ''
  const callback = callbacks[0]
  expect(callback, 'the provider sent the browser back').toBeDefined()
  const secrets = {
    'session token': session,
    'flow cookie': flowCookies[0] ?? '',
    'authorization code': callback?.searchParams.get('code') ?? '',
    state: callback?.searchParams.get('state') ?? '',
    'client secret': stack.env.OIDC_CLIENT_SECRET ?? '',
    'session signing key': (stack.env.SESSION_SIGNING_KEY ?? '').split('\n')[1] ?? '',
  }
  // The log is read only after the app has written the lines of these requests.
  await expect
    .poll(() => records(stack).some((r) => r.msg === 'request' && r.route === 'user.current'))
    .toBe(true)
  const log = stack.lines.join('\n')
  for (const [name, secret] of Object.entries(secrets)) {
    expect(secret.length, `the test knows the ${name}`).toBeGreaterThan(8)
    expect(log.includes(secret), `the log contains the ${name}`).toBe(false)
  }

  const requests = records(stack).filter((r) => r.msg === 'request')
  const callbackLine = requests.find((r) => r.route === '/auth/callback')
  expect(callbackLine).toMatchObject({
    level: 'info',
    realm: 'hub',
    method: 'GET',
    path: '/auth/callback',
    status: 302,
    userId: expect.any(Number),
    requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    durationMs: expect.any(Number),
  })
  // The server function call after the login: named by its entry point, with the same user.
  expect(requests.find((r) => r.route === 'user.current' && r.userId !== undefined)).toMatchObject({
    userId: callbackLine?.userId,
    status: 200,
  })
  // One line per request: no request id twice.
  const ids = requests.map((r) => r.requestId)
  expect(new Set(ids).size).toBe(ids.length)
})

test('the metrics listen on their own port only, with requests, latency, errors, the pool and the policy cache', async ({
  request,
}) => {
  const { publicUrl, metricsUrl } = stack
  expect((await request.get(`${publicUrl}/groups`)).status()).toBe(200)
  expect((await request.get(`${publicUrl}/no-such-page`)).status()).toBe(404)

  const onPublicPort = await request.get(`${publicUrl}/metrics`)
  expect(onPublicPort.status()).toBe(404)
  expect(await onPublicPort.text()).not.toContain('pek_http_requests_total')

  const scrape = await request.get(metricsUrl)
  expect(scrape.status()).toBe(200)
  expect(scrape.headers()['content-type']).toContain('text/plain')
  const metrics = await scrape.text()
  expect(
    sample(metrics, 'pek_http_requests_total', { route: '/groups', method: 'GET', status_class: '2xx' }),
  ).toBeGreaterThanOrEqual(1)
  expect(sample(metrics, 'pek_http_requests_total', { route: '/auth/callback', status_class: '3xx' })).toBe(1)
  expect(
    sample(metrics, 'pek_http_requests_total', { route: 'user.current', status_class: '2xx' }),
  ).toBeGreaterThanOrEqual(1)
  // A made-up path is one bounded series, not a series per path.
  expect(
    sample(metrics, 'pek_http_requests_total', { route: 'unmatched', status_class: '4xx' }),
  ).toBeGreaterThanOrEqual(1)
  expect(metrics).not.toContain('no-such-page')
  expect(
    sample(metrics, 'pek_http_request_duration_seconds_bucket', {
      route: '/groups',
      method: 'GET',
      le: '+Inf',
    }),
  ).toBeGreaterThanOrEqual(1)
  expect(sample(metrics, 'pek_http_requests_in_flight')).toBe(0)
  for (const state of ['total', 'idle', 'waiting']) {
    expect(sample(metrics, 'pek_db_pool_connections', { state }), state).toBeGreaterThanOrEqual(0)
  }
  // How busy the pool is shows while requests hold it: see the SIGTERM test.
  expect(sample(metrics, 'pek_policy_snapshot_cache_total', { result: 'miss' })).toBeGreaterThanOrEqual(1)
  expect(sample(metrics, 'pek_policy_snapshot_cache_total', { result: 'hit' })).toBeGreaterThanOrEqual(1)
  expect(sample(metrics, 'pek_process_cpu_seconds_total')).toBeGreaterThan(0)
})

test('searching faster than the limit gets a 429 page that says when to come back', async ({ request }) => {
  const search = () => request.get(`${stack.publicUrl}/search?q=kir`)
  for (let i = 0; i < SEARCH_PER_MINUTE; i++) expect((await search()).status()).toBe(200)
  const refused = await search()
  expect(refused.status()).toBe(429)
  // 3 a minute: the next search in 20 s.
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(19)
  expect(Number(refused.headers()['retry-after'])).toBeLessThanOrEqual(20)
  expect(await refused.text()).toContain('Túl sok kérés')
  // Log lines are written in batches, at most a quarter of a second late (ADR 0033).
  await expect
    .poll(() => records(stack).findLast((r) => r.msg === 'request' && r.path === '/search'))
    .toMatchObject({ route: '/search', status: 429 })
})

test('a plain route refuses a body beyond the cap from its length alone (413)', async () => {
  // Only the headers are sent: the answer must come before any of the body.
  const status = await statusBeforeBody(
    `${stack.publicUrl}/auth/logout`,
    { origin: stack.publicUrl, 'content-length': String(9 * 1024 * 1024) },
    'x',
  )
  expect(status).toBe(413)
})

test('SIGTERM: new connections are refused, the requests under way finish with 200, the process exits 0', async () => {
  const { publicUrl, metricsUrl, database, app } = stack
  // The database holds its answers: these page loads stay in flight.
  database.pause()
  const pages = ['/groups', '/groups/tree', '/'].map((path) =>
    fetch(`${publicUrl}${path}`).then(async (response) => ({
      status: response.status,
      body: await response.text(),
    })),
  )
  const scrape = async () => (await fetch(metricsUrl)).text()
  await expect.poll(async () => sample(await scrape(), 'pek_http_requests_in_flight')).toBe(pages.length)
  // The pool gauge shows the connection the stalled queries hold (a single one on PGlite, where the
  // other queries wait for it).
  const during = await scrape()
  const total = sample(during, 'pek_db_pool_connections', { state: 'total' }) ?? 0
  const idle = sample(during, 'pek_db_pool_connections', { state: 'idle' }) ?? 0
  expect(total - idle, 'connections in use').toBeGreaterThanOrEqual(1)

  app.kill('SIGTERM')
  await expect
    .poll(
      () =>
        new Promise<string>((resolve) => {
          const socket = connect(stack.port, '127.0.0.1')
          socket.once('connect', () => {
            socket.destroy()
            resolve('accepted')
          })
          socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
        }),
      { message: 'a new connection after SIGTERM' },
    )
    .toBe('ECONNREFUSED')
  expect(app.exitCode, 'still draining').toBeNull()

  database.resume()
  const answered = await Promise.all(pages)
  expect(answered.map((a) => a.status)).toEqual([200, 200, 200])
  expect(
    answered.every((a) => a.body.includes('</html>')),
    'whole pages',
  ).toBe(true)
  expect(await stack.exited).toBe(0)
  const messages = records(stack).map((r) => r.msg)
  expect(messages).toContain('shutting down')
  expect(records(stack).find((r) => r.msg === 'stopped')).toMatchObject({ drained: true })
})
