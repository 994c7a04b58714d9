// People: the newcomer registers at his first login, fills in his profile, hides his phone number,
// and another user looks at his profile without finding any trace of it. The profile and privacy
// calls his browser made are then replayed with other sessions: naming his id is a 403 for anyone else.
import type { APIRequestContext, APIResponse, Page, Request } from '@playwright/test'
import {
  createSession,
  DEMO,
  e2eEnv,
  expect,
  KIR_DEV_ID,
  SESSION_COOKIE,
  sessionCookieHeader,
  test,
  waitForHydration,
} from './fixtures'

const SCREEN_NAME = 'Feri.Kiss'
const PROFILE = `/u/${SCREEN_NAME}`
const PHONE_TYPED = '+36 30 555 1234'
const PHONE_STORED = '+36305551234'
/** Every way the number could leak into a page or an answer. */
const PHONE_TRACES = [PHONE_STORED, '305551234', '555 1234', '5551234']
/** Nagy Bence, seeded as user 2 (tests/factories/demo-dataset.ts). */
const TAKEN_SCREEN_NAME = 'BENCE2'

interface RecordedCall {
  url: string
  headers: Record<string, string>
  body: string
}

/** Clicks, and keeps the server-function POST the click made (to replay it with other sessions). */
async function recordPost(page: Page, click: () => Promise<void>): Promise<RecordedCall> {
  const [request] = await Promise.all([
    page.waitForRequest(
      (r: Request) => r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/_serverFn/'),
    ),
    click(),
  ])
  const headers = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(
      ([name]) => !['cookie', 'host', 'content-length'].includes(name) && !name.startsWith(':'),
    ),
  )
  return { url: request.url(), headers, body: request.postData() ?? '' }
}

/** A recorded call again, from a client that holds no cookies but the one given. */
async function replay(
  request: APIRequestContext,
  call: RecordedCall,
  token: string | undefined,
): Promise<APIResponse> {
  return request.post(call.url, {
    headers: {
      ...call.headers,
      origin: e2eEnv().publicUrl,
      'sec-fetch-site': 'same-origin',
      ...(token === undefined ? {} : { cookie: sessionCookieHeader(token) }),
    },
    data: call.body,
  })
}

test('a newcomer registers, edits his profile and hides his phone; others never see it', async ({
  page,
  browser,
  request,
  snap,
}) => {
  await test.step('Kiss Ferenc logs in through the provider and is sent to the registration form', async () => {
    await page.goto('/groups')
    await waitForHydration(page)
    await page.getByRole('banner').getByRole('link', { name: 'Bejelentkezés' }).click()
    await page.getByRole('button', { name: DEMO.ferenc.name }).click()
    await expect(page).toHaveURL('/register')
    await waitForHydration(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Regisztráció' })).toBeVisible()
    // Every page leads here until he has registered.
    await page.goto('/groups/tree')
    await expect(page).toHaveURL('/register')
    await waitForHydration(page)
    await expect(page.getByRole('banner').getByRole('link', { name: 'Profilom' })).toHaveCount(0)
    await snap('people-01-register')
  })

  await test.step('a screen name taken in another letter case is refused under the field', async () => {
    await page.getByLabel('Felhasználónév').fill(TAKEN_SCREEN_NAME)
    await page.getByLabel('Kollégium').selectOption({ label: 'Schönherz' })
    await page.getByLabel('Szoba').fill('1319')
    await page.getByRole('button', { name: 'Regisztrálok' }).click()
    await expect(page.getByText('Ez a felhasználónév már foglalt', { exact: false })).toBeVisible()
    await expect(page.getByLabel('Felhasználónév')).toHaveAttribute('aria-invalid', 'true')
    await expect(page).toHaveURL('/register')
    await snap('people-02-register-taken')
  })

  await test.step('registers and lands on his own profile', async () => {
    await page.getByLabel('Felhasználónév').fill(SCREEN_NAME)
    await page.getByRole('button', { name: 'Regisztrálok' }).click()
    await expect(page).toHaveURL(PROFILE)
    await expect(page.getByRole('heading', { level: 1, name: DEMO.ferenc.name })).toBeVisible()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Profilom' })).toHaveAttribute(
      'href',
      PROFILE,
    )
    await expect(page.getByText('1319')).toBeVisible()
    await snap('people-03-own-profile-new')
  })

  let profileCall: RecordedCall | undefined
  await test.step('edits the profile: a malformed web address is caught, the phone is normalised', async () => {
    await page.getByRole('link', { name: 'Profil szerkesztése' }).click()
    await expect(page).toHaveURL(`${PROFILE}/edit`)
    await waitForHydration(page)
    const personal = page.getByRole('region', { name: 'Személyes adatok' })
    await personal.getByLabel('Becenév').fill('Feri')
    await personal.getByLabel('Mobilszám').fill(PHONE_TYPED)
    await personal.getByLabel('Weboldal').fill('feri.example')
    await personal.getByRole('button', { name: 'Mentés' }).click()
    await expect(personal.getByText('Teljes webcímet adj meg')).toBeVisible()
    await expect(personal.getByLabel('Weboldal')).toBeFocused()
    await snap('people-04-edit-invalid')

    await personal.getByLabel('Weboldal').fill('https://feri.example')
    profileCall = await recordPost(page, () => personal.getByRole('button', { name: 'Mentés' }).click())
    await expect(page.getByText('Elmentettük a profilodat.')).toBeVisible()
    await expect(personal.getByLabel('Mobilszám')).toHaveValue(PHONE_STORED)
  })

  let privacyCall: RecordedCall | undefined
  await test.step('shows his e-mail to everyone and keeps the phone hidden', async () => {
    const privacy = page.getByRole('region', { name: 'Láthatóság' })
    const phoneSwitch = privacy.getByRole('checkbox', { name: 'Mobilszám' })
    // Hidden by default; he shows it, then thinks better of it.
    await expect(phoneSwitch).not.toBeChecked()
    await phoneSwitch.check()
    await privacy.getByRole('checkbox', { name: 'E-mail-cím' }).check()
    await privacy.getByRole('button', { name: 'Láthatóság mentése' }).click()
    await expect(page.getByText('Elmentettük a láthatósági beállításaidat.')).toBeVisible()
    await phoneSwitch.uncheck()
    privacyCall = await recordPost(page, () =>
      privacy.getByRole('button', { name: 'Láthatóság mentése' }).click(),
    )
    await expect(page.getByText('Elmentettük a láthatósági beállításaidat.').last()).toBeVisible()
    await expect(phoneSwitch).not.toBeChecked()
  })

  await test.step('adds his Telegram account', async () => {
    const accounts = page.getByRole('region', { name: 'Egyéb fiókok' })
    await accounts.getByLabel('Szolgáltatás').last().selectOption({ label: 'Telegram' })
    await accounts.getByLabel('Fióknév').last().fill('@ferikiss')
    await accounts.getByRole('button', { name: 'Hozzáadás' }).click()
    await expect(page.getByText('Hozzáadtuk a fiókot.')).toBeVisible()
    await expect(accounts.getByLabel('Fióknév').first()).toHaveValue('@ferikiss')
    await snap('people-05-edit-saved')
  })

  await test.step('his own profile shows the phone, marked hidden', async () => {
    await page.getByRole('link', { name: 'Vissza a profilhoz' }).click()
    await expect(page).toHaveURL(PROFILE)
    const phoneRow = page.getByRole('definition').filter({ hasText: '+36 30 555 1234' })
    await expect(phoneRow).toBeVisible()
    await expect(phoneRow.getByText('Rejtett')).toBeVisible()
    await expect(page.getByText('@ferikiss')).toBeVisible()
    await snap('people-06-own-profile')
  })

  const ferencToken = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)?.value
  expect(ferencToken, 'Ferenc is logged in').toBeTruthy()

  const context = await browser.newContext({ baseURL: e2eEnv().publicUrl })
  try {
    const other = await context.newPage()
    const bence = await createSession(DEMO.bence.subject)
    await context.addCookies([
      { name: SESSION_COOKIE, value: bence.token, url: e2eEnv().publicUrl, httpOnly: true, sameSite: 'Lax' },
    ])

    await test.step('Nagy Bence opens the profile: the public data, and no trace of the phone', async () => {
      // Any letter case finds him; the address is then the one he chose.
      await other.goto(`/u/${SCREEN_NAME.toLowerCase()}`)
      await expect(other).toHaveURL(PROFILE)
      await waitForHydration(other)
      await expect(other.getByRole('heading', { level: 1, name: DEMO.ferenc.name })).toBeVisible()
      const main = other.getByRole('main')
      await expect(main.getByText('Feri', { exact: true })).toBeVisible()
      await expect(main.getByText('kiss.ferenc@pek.example')).toBeVisible()
      await expect(main.getByText('https://feri.example')).toBeVisible()
      await expect(main.getByText('@ferikiss')).toBeVisible()
      await expect(main.getByText('Mobilszám')).toHaveCount(0)
      await expect(main.getByText('Rejtett')).toHaveCount(0)
      await expect(main.getByRole('link', { name: 'Profil szerkesztése' })).toHaveCount(0)
      const rendered = await other.content()
      for (const trace of PHONE_TRACES) expect(rendered, trace).not.toContain(trace)
      // The server's HTML itself (with the dehydrated loader data) carries none of it either.
      const html = await (await other.request.get(PROFILE)).text()
      expect(html).toContain('kiss.ferenc@pek.example')
      for (const trace of PHONE_TRACES) expect(html, trace).not.toContain(trace)
      await snap('people-07-seen-by-another-user', { page: other })
    })

    await test.step('his edit page is refused to Bence', async () => {
      await other.goto(`${PROFILE}/edit`)
      await expect(other.getByRole('heading', { level: 1, name: 'Nincs jogosultságod' })).toBeVisible()
      for (const trace of PHONE_TRACES) expect(await other.content(), trace).not.toContain(trace)
      await snap('people-08-edit-forbidden', { page: other })
    })

    await test.step('Bence searches: the name finds Ferenc, the hidden phone number does not', async () => {
      await other.goto(`/search?q=${encodeURIComponent('kiss ferenc')}`)
      await waitForHydration(other)
      const found = other.getByRole('main').locator(`a[href="${PROFILE}"]`)
      await expect(found.first()).toBeVisible()
      for (const trace of PHONE_TRACES) expect(await other.content(), trace).not.toContain(trace)
      await other.goto(`/search?q=${encodeURIComponent(PHONE_STORED)}`)
      await waitForHydration(other)
      await expect(other.getByRole('main').locator(`a[href="${PROFILE}"]`)).toHaveCount(0)
      await snap('people-08b-search-by-hidden-phone', { page: other })
    })

    await test.step('Bence’s own profile lists his groups with posts and dates, also on a phone', async () => {
      await other.goto('/')
      await waitForHydration(other)
      await other.getByRole('banner').getByRole('link', { name: 'Profilom' }).click()
      await expect(other.getByRole('heading', { level: 1, name: DEMO.bence.name })).toBeVisible()
      const groups = other.getByRole('table', { name: 'Körök' })
      const kirDev = groups.getByRole('row').filter({ hasText: 'Kir-Dev' })
      await expect(kirDev).toContainText('Körvezető')
      await expect(kirDev.getByRole('cell').last()).toContainText(/\d{4}\./)
      await other.setViewportSize({ width: 390, height: 844 })
      await groups.scrollIntoViewIfNeeded()
      await snap('people-09-own-groups-phone', { page: other, fullPage: false })
      await kirDev.getByRole('link', { name: 'Kir-Dev' }).click()
      await expect(other).toHaveURL(`/groups/${KIR_DEV_ID}`)
    })

    await test.step('his recorded profile and privacy calls, replayed by Bence, are 403', async () => {
      for (const [name, call] of Object.entries({ profile: profileCall, privacy: privacyCall })) {
        if (!call) throw new Error(`no ${name} call was recorded`)
        expect(call.body, `the ${name} call names his user id`).toContain('"userId"')
        const asBence = await replay(request, call, bence.token)
        expect(asBence.status(), `${name} as another user`).toBe(403)
        expect(await asBence.text()).not.toContain(PHONE_STORED)
        expect((await replay(request, call, undefined)).status(), `${name} anonymously`).toBe(401)
        // The control: the same request with his own session passes the guard and meets the
        // version check (the page has saved since), so the 403 above is about who asks.
        expect((await replay(request, call, ferencToken)).status(), `${name} as himself, stale`).toBe(409)
      }
    })
  } finally {
    await context.close()
  }
})
