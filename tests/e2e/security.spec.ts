// Security at the HTTP level. The server-function URLs are not hand-written: a logged-in browser
// navigates client-side and we record the `/_serverFn/` calls it makes, then replay them with other
// cookies and headers through Playwright's request API.
import type { APIRequestContext, APIResponse, Browser } from '@playwright/test'
import {
  algNoneToken,
  createSession,
  DEMO,
  e2eEnv,
  expect,
  expiredToken,
  foreignKeyToken,
  KIR_DEV_ID,
  otherRealmToken,
  sessionCookieHeader,
  setSessionCookie,
  type TestSession,
  tamperedPayloadToken,
  tamperedSignatureToken,
  test,
  unknownKidToken,
  waitForHydration,
} from './fixtures'

// ---- seroval, just enough to read our answers ----------------------------------------------------

type SerovalNode = { t: number; s?: unknown; a?: SerovalNode[]; p?: { k: string[]; v: SerovalNode[] } }

/** Decodes the plain-data subset of seroval's JSON nodes (what our server functions return). */
function decodeNode(node: SerovalNode): unknown {
  switch (node.t) {
    case 0: // number
      return node.s
    case 1: // string, escaped as for JavaScript source: JSON's escapes, and x3C for <
      return JSON.parse(`"${String(node.s).replace(/\\(x3C|.)/g, (m, c) => (c === 'x3C' ? '\\u003C' : m))}"`)
    case 2: // constant
      return ({ 0: null, 1: undefined, 2: true, 3: false } as Record<number, unknown>)[Number(node.s)]
    case 9: // array
      return (node.a ?? []).map(decodeNode)
    case 10: // object
      return Object.fromEntries(
        (node.p?.k ?? []).map((key, i) => [key, decodeNode(node.p?.v[i] ?? { t: 2, s: 1 })]),
      )
    case 25: // a plugin's value: our PublicError
      return decodeNode((node.s as { v: SerovalNode }).v)
    default:
      return undefined
  }
}

async function decodeBody(response: APIResponse): Promise<Record<string, unknown>> {
  return decodeNode(JSON.parse(await response.text()) as SerovalNode) as Record<string, unknown>
}

interface PublicErrorBody {
  status: number
  code: string
  message: string
  fields: Record<string, string[]> | null
}

async function publicErrorOf(response: APIResponse): Promise<PublicErrorBody> {
  return (await decodeBody(response)).error as PublicErrorBody
}

// ---- names in answers ------------------------------------------------------------------------------

/** The forms a name can take in HTML or JSON: raw, JSON-escaped, \u-escaped, HTML-escaped. */
function spellings(name: string): string[] {
  const json = JSON.stringify(name).slice(1, -1)
  const unicode = [...name].map((c) =>
    c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c,
  )
  const html = name.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return [...new Set([name, json, unicode.join(''), unicode.join('').toUpperCase(), html])]
}
const mentions = (text: string, name: string) => spellings(name).some((form) => text.includes(form))
const mentionedNames = (text: string, names: readonly string[]) =>
  names.filter((name) => mentions(text, name))

// ---- recording ---------------------------------------------------------------------------------------

interface ServerFnCalls {
  list: string
  tree: string
  group: string
  members: string
}

interface Recording {
  calls: ServerFnCalls
  /** The logged-in session the browser used. */
  session: TestSession
  /** Names of Kir-Dev's active members that appear nowhere else on its (logged-in) page. */
  memberOnlyNames: string[]
  /** The logged-in members call's answer, and Kir-Dev's page as the member saw it. */
  loggedInMembersBody: string
  loggedInGroupHtml: string
}

const payloadOf = (url: string) => new URL(url).searchParams.get('payload') ?? ''

/** Whether an answer names `key`: Seroval and the JSON wire (src/shared/json-wire.ts) both write "key". */
const hasKey = (body: string, key: string) => body.includes(`"${key}"`)

/** A successful call's result: Seroval's `{ result }` node, or a JSON-wire answer as it is. */
function resultOf(body: string): unknown {
  const parsed = JSON.parse(body) as SerovalNode | Record<string, unknown>
  if (typeof parsed.t !== 'number') return parsed
  return (decodeNode(parsed as SerovalNode) as { result: unknown }).result
}

/** Navigates client-side while logged in and keeps the server-function calls the browser made. */
async function record(browser: Browser): Promise<Recording> {
  const context = await browser.newContext({ baseURL: e2eEnv().publicUrl })
  try {
    const page = await context.newPage()
    const session = await createSession(DEMO.bence.subject)
    await setSessionCookie(page, session.token)
    const seen: Promise<{ url: string; method: string; status: number; body: string }>[] = []
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.startsWith('/_serverFn/')) return
      seen.push(
        response.text().then((body) => ({
          url: response.url(),
          method: response.request().method(),
          status: response.status(),
          body,
        })),
      )
    })

    await page.goto('/groups')
    await waitForHydration(page)
    const tabs = page.getByRole('navigation', { name: 'Körlisták' })
    await tabs.getByRole('link', { name: 'Szervezeti fa' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Szervezeti fa' })).toBeVisible()
    await tabs.getByRole('link', { name: 'Aktív körök' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Körök' })).toBeVisible()
    await page
      .getByRole('table', { name: 'Körök' })
      .getByRole('link', { name: 'Kir-Dev', exact: true })
      .click()
    await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)
    const table = page.getByRole('table', { name: 'Aktív tagok' })
    await expect(table).toBeVisible()

    const calls = await Promise.all(seen)
    for (const call of calls) expect(call.method, call.url).toBe('GET')
    const find = (what: string, match: (c: (typeof calls)[number]) => boolean) => {
      const call = calls.find((c) => c.status === 200 && match(c))
      if (!call) throw new Error(`the browser made no ${what} call: ${calls.map((c) => c.url).join(', ')}`)
      return call
    }
    const members = find(
      'members',
      // The roster's answer ({ members, hidden }), not the viewer's own membership (also a membershipId).
      (c) =>
        payloadOf(c.url).includes('"groupId"') && hasKey(c.body, 'membershipId') && hasKey(c.body, 'hidden'),
    )
    const recorded: ServerFnCalls = {
      list: find('list', (c) => payloadOf(c.url).includes('"filter"')).url,
      tree: find('tree', (c) => !payloadOf(c.url).includes('"data"') && hasKey(c.body, 'children')).url,
      group: find('group', (c) => payloadOf(c.url).includes('"groupId"') && hasKey(c.body, 'foundedYear'))
        .url,
      members: members.url,
    }
    expect(new Set(Object.values(recorded).map((url) => new URL(url).pathname)).size).toBe(4)

    // Everyone in the table, minus names shown elsewhere on the page (the header shows Bence's own).
    // The group page's roster tab: { members, hidden } (src/domains/membership/membership.schema.ts).
    const result = (resultOf(members.body) as { members: { displayName: string }[] }).members
    const names = [...new Set(result.map((m) => m.displayName))]
    const elsewhere = await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement
      for (const table of body.querySelectorAll('table')) table.remove()
      return body.textContent ?? ''
    })
    const memberOnlyNames = names.filter((name) => !elsewhere.includes(name))
    expect(memberOnlyNames.length, 'Kir-Dev has members to look for').toBeGreaterThan(5)
    expect(names).toContain(DEMO.bence.name)
    expect(memberOnlyNames).not.toContain(DEMO.bence.name)

    const html = await (await page.request.get(`/groups/${KIR_DEV_ID}`)).text()
    return {
      calls: recorded,
      session,
      memberOnlyNames,
      loggedInMembersBody: members.body,
      loggedInGroupHtml: html,
    }
  } finally {
    await context.close()
  }
}

let recording: Recording | undefined
const recorded = (): Recording => {
  if (!recording) throw new Error('beforeAll did not record the server-function calls')
  return recording
}

test.beforeAll(async ({ browser }) => {
  recording = await record(browser)
})

/** A recorded call with another groupId in its payload. */
function withGroupId(url: string, groupId: string): string {
  const parsed = new URL(url)
  const payload = payloadOf(url)
  const original = `{"t":1,"s":"${KIR_DEV_ID}"}`
  expect(payload, 'the recorded payload carries the group id as a string').toContain(original)
  parsed.searchParams.set('payload', payload.replace(original, JSON.stringify({ t: 1, s: groupId })))
  return parsed.toString()
}

const get = (request: APIRequestContext, url: string, token?: string) =>
  request.get(url, {
    headers: token === undefined ? {} : { cookie: sessionCookieHeader(token) },
    maxRedirects: 0,
  })

// ---- tests ---------------------------------------------------------------------------------------

test('the recorded members call works with the live session (the control for the tests below)', async ({
  request,
}) => {
  const { calls, session, memberOnlyNames, loggedInMembersBody, loggedInGroupHtml } = recorded()
  const response = await get(request, calls.members, session.token)
  expect(response.status()).toBe(200)
  const body = await response.text()
  // The matcher finds every name where it should.
  expect(mentionedNames(body, memberOnlyNames)).toEqual(memberOnlyNames)
  expect(mentionedNames(loggedInMembersBody, memberOnlyNames)).toEqual(memberOnlyNames)
  expect(mentionedNames(loggedInGroupHtml, memberOnlyNames)).toEqual(memberOnlyNames)
})

test('cross-site POSTs are refused with 403 before anything else', async ({ request }) => {
  const { calls, session } = recorded()
  const crossSite: Record<string, string>[] = [
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    { origin: 'https://evil.example' },
    { 'sec-fetch-site': 'same-site' },
    {}, // no Origin, no Sec-Fetch-Site, no Referer
  ]
  for (const headers of crossSite) {
    // Our server functions are all GET; the CSRF middleware runs before the method check.
    const call = await request.post(calls.group, {
      headers: { ...headers, cookie: sessionCookieHeader(session.token) },
    })
    expect(call.status(), `POST server function with ${JSON.stringify(headers)}`).toBe(403)
    const logout = await request.post('/auth/logout', {
      headers: { ...headers, cookie: sessionCookieHeader(session.token) },
      maxRedirects: 0,
    })
    expect(logout.status(), `POST /auth/logout with ${JSON.stringify(headers)}`).toBe(403)
    expect(logout.headers()['set-cookie'] ?? '').not.toContain('pek_session')
  }
  // The control: the same POST from our own origin passes the CSRF check and meets the method check.
  const sameOrigin = await request.post(calls.group, {
    headers: { origin: e2eEnv().publicUrl, 'sec-fetch-site': 'same-origin' },
  })
  expect(sameOrigin.status()).toBe(405)
  // The refused logouts did not end the session.
  expect((await get(request, calls.members, session.token)).status()).toBe(200)
})

test('a same-origin logout revokes the session on the server', async ({ request }) => {
  const { calls } = recorded()
  const session = await createSession(DEMO.csilla.subject)
  expect((await get(request, calls.members, session.token)).status()).toBe(200)
  const logout = await request.post('/auth/logout', {
    headers: {
      origin: e2eEnv().publicUrl,
      'sec-fetch-site': 'same-origin',
      cookie: sessionCookieHeader(session.token),
    },
    maxRedirects: 0,
  })
  expect(logout.status()).toBe(303)
  expect(logout.headers().location).toBe('/')
  // The copied token is worthless now.
  expect((await get(request, calls.members, session.token)).status()).toBe(401)
})

test('bad session tokens get 401 from the members call and no member names', async ({ request }) => {
  const { calls, memberOnlyNames } = recorded()
  const session = await createSession(DEMO.anna.subject)
  const other = await createSession(DEMO.csilla.subject)
  const tokens: Record<string, string> = {
    'tampered signature': tamperedSignatureToken(session),
    'tampered payload (another user)': tamperedPayloadToken(session, other.userId),
    expired: await expiredToken(session),
    'alg: none': algNoneToken(session),
    'unknown kid': await unknownKidToken(session),
    'signed by a foreign key': await foreignKeyToken(session),
    'another realm': await otherRealmToken(session),
    garbage: 'not-a-jwt',
  }
  for (const [kind, token] of Object.entries(tokens)) {
    const response = await get(request, calls.members, token)
    expect(response.status(), kind).toBe(401)
    const body = await response.text()
    expect(mentionedNames(body, memberOnlyNames), `${kind}: names in the body`).toEqual([])
    expect((await publicErrorOf(response)).code, kind).toBe('UNAUTHENTICATED')
    // The rejected cookie is cleared.
    expect(response.headers()['set-cookie'] ?? '', `${kind}: clears the cookie`).toMatch(/pek_session=;/)
  }
  // The session behind those tokens is alive: it was the tokens that failed.
  expect((await get(request, calls.members, session.token)).status()).toBe(200)
})

test('the members call without a session is 401', async ({ request }) => {
  const { calls, memberOnlyNames } = recorded()
  const response = await get(request, calls.members)
  expect(response.status()).toBe(401)
  expect(mentionedNames(await response.text(), memberOnlyNames)).toEqual([])
  expect(await publicErrorOf(response)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
})

test('nothing an anonymous visitor gets names a member', async ({ request }) => {
  const { calls, memberOnlyNames } = recorded()
  const answers: Record<string, APIResponse> = {
    'HTML /groups/10': await get(request, `/groups/${KIR_DEV_ID}`),
    'HTML /groups': await get(request, '/groups?view=all'),
    'HTML /groups/tree': await get(request, '/groups/tree'),
    'group call': await get(request, calls.group),
    'tree call': await get(request, calls.tree),
    'list call': await get(request, calls.list),
    'members call': await get(request, calls.members),
  }
  for (const [what, response] of Object.entries(answers)) {
    expect(response.status(), what).toBe(what === 'members call' ? 401 : 200)
    const body = await response.text()
    expect(mentionedNames(body, memberOnlyNames), `member names in the anonymous ${what}`).toEqual([])
  }
  // The public data is there (so the bodies above are real pages and answers).
  expect(await answers['HTML /groups/10']?.text()).toContain('A tagok listáját bejelentkezés után láthatod.')
  expect(await answers['group call']?.text()).toContain('Kir-Dev')
})

test('a malformed group id is 400 with a message for groupId', async ({ request }) => {
  const { calls, session } = recorded()
  for (const [what, url, token] of [
    ['group call', calls.group, undefined],
    ['members call', calls.members, session.token],
  ] as const) {
    for (const bad of ['abc', '-1', '1.5', '']) {
      const response = await get(request, withGroupId(url, bad), token)
      expect(response.status(), `${what} with groupId ${JSON.stringify(bad)}`).toBe(400)
      const error = await publicErrorOf(response)
      expect(error.code).toBe('VALIDATION')
      expect(error.fields?.groupId?.length, `${what}: a message for groupId`).toBeGreaterThan(0)
      // Our own wording, not zod's generic fallback.
      expect(error.fields?.groupId).not.toContain('Invalid input')
    }
  }
})

test('an unknown group id is 404', async ({ request }) => {
  const { calls, session } = recorded()
  for (const [what, url, token] of [
    ['group call', calls.group, undefined],
    ['members call', calls.members, session.token],
  ] as const) {
    const response = await get(request, withGroupId(url, '999999'), token)
    expect(response.status(), what).toBe(404)
    expect((await publicErrorOf(response)).code, what).toBe('NOT_FOUND')
  }
})

test('health endpoints answer JSON; readiness proves DI works in the production build', async ({
  request,
}) => {
  const health = await request.get('/healthz')
  expect(health.status()).toBe(200)
  expect(await health.json()).toEqual({ status: 'ok' })

  const ready = await request.get('/readyz')
  expect(ready.status()).toBe(200)
  expect(ready.headers()['content-type']).toContain('application/json')
  const body = (await ready.json()) as { status: string; checks: Record<string, string>; services: string[] }
  expect(body.status).toBe('ok')
  expect(body.checks).toEqual({ database: 'ok', services: 'ok' })
  expect(body.services.length).toBeGreaterThan(0)
  expect(body.services).toEqual(
    expect.arrayContaining(['GroupService', 'MembershipService', 'SessionService']),
  )
})

test('security headers are on pages, server functions and errors', async ({ request }) => {
  const { calls } = recorded()
  for (const path of [
    '/',
    `/groups/${KIR_DEV_ID}`,
    '/groups/999999',
    calls.group,
    calls.members,
    '/healthz',
  ]) {
    const response = await get(request, path)
    const headers = response.headers()
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
  }
})
