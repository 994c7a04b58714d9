// Session hardening in a real browser: the Content-Security-Policy holds on every page without a
// single violation (the framework's inline scripts carry the request's nonce), and a bad login
// callback ends on a clear error page, never a 500.
import type { Page, Response } from '@playwright/test'
import { DEMO, e2eEnv, expect, KIR_DEV_ID, loginAs, SESSION_COOKIE, test, waitForHydration } from './fixtures'

// ---- CSP -------------------------------------------------------------------------------------------

/**
 * Every CSP violation the page reports, from both sides: Chromium's console message ("Refused to …
 * because it violates the following Content Security Policy directive …") and the DOM's
 * securitypolicyviolation event (recorded by an init script, which the page's CSP does not govern).
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) fromConsole.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  return async () => {
    const fromPage = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )
    return [...fromConsole, ...fromPage]
  }
}

/** The policy's directives: name → sources. */
function directives(policy: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1]

const PAGES = [
  '/',
  '/groups',
  '/groups/tree',
  `/groups/${KIR_DEV_ID}`,
  '/groups/999999',
  '/login-error?reason=mismatch',
]

test('every page sends the CSP with a fresh nonce that all its inline scripts carry', async ({ request }) => {
  const seenNonces = new Set<string>()
  for (const path of PAGES) {
    const response = await request.get(path)
    const headers = response.headers()
    const csp = directives(headers['content-security-policy'])
    expect(csp['default-src'], path).toEqual(["'self'"])
    expect(csp['object-src'], path).toEqual(["'none'"])
    expect(csp['base-uri'], path).toEqual(["'none'"])
    expect(csp['frame-ancestors'], path).toEqual(["'none'"])
    expect(csp['form-action'], path).toEqual(["'self'", new URL(e2eEnv().oidcIssuer).origin])
    expect(csp['script-src']?.[0], path).toBe("'self'")
    expect(headers['content-security-policy'], path).not.toContain('unsafe-inline')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    // Served over http here: no HSTS (tests/unit/security-headers.test.ts covers https).
    expect(headers['strict-transport-security'], path).toBeUndefined()

    const nonce = nonceOf(headers['content-security-policy'])
    expect(nonce, path).toBeTruthy()
    expect(seenNonces.has(nonce ?? ''), `${path}: a nonce is never reused`).toBe(false)
    seenNonces.add(nonce ?? '')

    const html = await response.text()
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes = '']) => attributes)
    const withoutSrc = inline.filter((attributes) => !/\bsrc=/.test(attributes))
    expect(withoutSrc.length, `${path}: the page has inline scripts (hydration)`).toBeGreaterThan(0)
    for (const attributes of withoutSrc) expect(attributes, path).toContain(`nonce="${nonce}"`)
    expect(html, `${path}: no inline event handlers`).not.toMatch(/<[^>]+\son[a-z]+=/i)
  }
})

test('static files and plain server routes carry the headers too', async ({ page, request }) => {
  await page.goto('/groups')
  const script = await page.locator('script[src]').first().getAttribute('src')
  expect(script).toBeTruthy()
  for (const path of ['/favicon.svg', script ?? '', '/healthz']) {
    const headers = (await request.get(path)).headers()
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['content-security-policy'], path).toContain("object-src 'none'")
  }
})

test("a server function's answer carries the headers, with a policy that lets nothing inline run", async ({
  page,
}) => {
  await page.goto('/groups')
  await waitForHydration(page)
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/_serverFn/'))
  await page.getByRole('link', { name: 'Kir-Dev', exact: true }).first().click()
  const headers = (await answer).headers()
  expect(headers['x-content-type-options']).toBe('nosniff')
  const csp = directives(headers['content-security-policy'])
  expect(csp['script-src']).toEqual(["'self'"])
  expect(csp['style-src']).toEqual(["'self'"])
  expect(csp['frame-ancestors']).toEqual(["'none'"])
})

async function visitAll(page: Page, snap: (name: string) => Promise<void>, label: string) {
  for (const path of PAGES) {
    await page.goto(path)
    await waitForHydration(page)
  }
  // Client-side navigation loads further chunks and runs server functions.
  await page.goto('/')
  await waitForHydration(page)
  await page.getByRole('navigation', { name: 'Fő navigáció' }).getByRole('link', { name: 'Körök' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Körök' })).toBeVisible()
  await page.getByRole('link', { name: 'Kir-Dev', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kir-Dev' })).toBeVisible()
  await snap(`session-csp-${label}`)
}

test('the main pages run without a CSP violation, anonymous and logged in', async ({ page, snap }) => {
  const violations = await watchCsp(page)
  await visitAll(page, snap, 'anonymous')
  expect(await violations()).toEqual([])

  await loginAs(page, DEMO.bence.subject)
  await visitAll(page, snap, 'logged-in')
  await expect(page.getByRole('table', { name: 'Aktív tagok' })).toBeVisible()
  expect(await violations()).toEqual([])
})

test('the real login and logout run without a CSP violation', async ({ page }) => {
  const violations = await watchCsp(page)
  await page.goto(`/groups/${KIR_DEV_ID}`)
  await waitForHydration(page)
  await page.getByRole('main').getByRole('link', { name: 'Bejelentkezés' }).click()
  await page.getByRole('button', { name: DEMO.csilla.name }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)
  await waitForHydration(page)
  await expect(page.getByRole('banner')).toContainText(DEMO.csilla.name)
  // The logout form posts to us (form-action 'self') and follows the redirect home.
  await page.getByRole('banner').getByRole('button', { name: 'Kijelentkezés' }).click()
  await expect(page).toHaveURL('/')
  await waitForHydration(page)
  await expect(page.getByRole('banner').getByRole('link', { name: 'Bejelentkezés' })).toBeVisible()
  expect(await violations()).toEqual([])
})

// ---- callback failures -----------------------------------------------------------------------------

/** Every response the page gets, to prove no hop was a server error. */
function recordStatuses(page: Page): Response[] {
  const responses: Response[] = []
  page.on('response', (response) => responses.push(response))
  return responses
}

const serverErrors = (responses: Response[]) =>
  responses.filter((r) => r.status() >= 500).map((r) => `${r.status()} ${r.url()}`)

async function expectLoginError(page: Page, reason: string, message: string) {
  await expect(page).toHaveURL(`/login-error?reason=${reason}`)
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1, name: 'A bejelentkezés nem sikerült' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText(message)
}

test('a callback that does not belong to a login in this browser ends on a clear error page', async ({
  page,
  snap,
}) => {
  const responses = recordStatuses(page)

  await test.step('no login started: expired', async () => {
    await page.goto('/auth/callback?code=made-up&state=made-up')
    await expectLoginError(page, 'expired', 'ezt a bejelentkezési linket már felhasználtad')
    await expect(page.getByRole('link', { name: 'Újra bejelentkezem' })).toBeVisible()
    await snap('session-callback-expired')
  })

  await test.step('a login under way, but a forged state: mismatch', async () => {
    await page.goto('/auth/login')
    await expect(page.getByRole('heading', { name: 'PéK fejlesztői bejelentkezés' })).toBeVisible()
    await page.goto('/auth/callback?code=forged&state=forged')
    await expectLoginError(page, 'mismatch', 'Ez a válasz nem ehhez a bejelentkezéshez tartozik')
    await snap('session-callback-mismatch')
  })

  expect(serverErrors(responses)).toEqual([])
})

test('a replayed callback is refused and leaves the session it created alone', async ({ page, context }) => {
  const responses = recordStatuses(page)
  const callbacks: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/auth/callback') callbacks.push(request.url())
  })

  await page.goto('/auth/login?returnTo=/groups')
  await page.getByRole('button', { name: DEMO.anna.name }).click()
  await expect(page).toHaveURL('/groups')
  await waitForHydration(page)
  await expect(page.getByRole('banner')).toContainText(DEMO.anna.name)
  expect(callbacks).toHaveLength(1)
  const session = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)?.value

  await page.goto(callbacks[0] ?? '')
  await expectLoginError(page, 'expired', 'ezt a bejelentkezési linket már felhasználtad')
  // Still logged in, with the same session.
  expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)?.value).toBe(session)
  await page.goto('/')
  await waitForHydration(page)
  await expect(page.getByRole('banner')).toContainText(DEMO.anna.name)
  expect(serverErrors(responses)).toEqual([])
})
