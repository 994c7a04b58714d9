// The real login: the browser goes through the local OIDC provider (src/server/auth/dev-oidc) and
// back, exactly like a user at AuthSCH; logout revokes the session on the server.
import { DEMO, e2eEnv, expect, KIR_DEV_ID, SESSION_COOKIE, test, waitForHydration } from './fixtures'

const kirDev = `/groups/${KIR_DEV_ID}`

test('a visitor logs in at the provider, sees the members, and logout revokes the session', async ({
  page,
  context,
  snap,
}) => {
  await test.step('anonymous: the directory and a group page without its members', async () => {
    await page.goto('/groups')
    await waitForHydration(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Körök' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Kir-Dev', exact: true })).toBeVisible()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Bejelentkezés' })).toBeVisible()
    await snap('login-01-groups-anonymous')

    await page.getByRole('link', { name: 'Kir-Dev', exact: true }).click()
    await expect(page).toHaveURL(kirDev)
    await expect(page.getByRole('heading', { level: 1, name: 'Kir-Dev' })).toBeVisible()
    await expect(page.getByText('A tagok listáját bejelentkezés után láthatod.')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Aktív tagok' })).toHaveCount(0)
    await expect(page.getByRole('main')).not.toContainText('Körvezető')
    await snap('login-02-group-anonymous')
  })

  await test.step('login at the dev OIDC provider as Nagy Bence', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Bejelentkezés' }).click()
    await expect(page.getByRole('heading', { name: 'PéK fejlesztői bejelentkezés' })).toBeVisible()
    expect(page.url().startsWith(`${e2eEnv().oidcIssuer}/interaction/`), page.url()).toBe(true)
    await snap('login-03-provider')
    await page.getByRole('button', { name: DEMO.bence.name }).click()
  })

  let oldToken = ''
  await test.step('back on the group page, logged in: members with posts', async () => {
    await expect(page).toHaveURL(kirDev)
    await waitForHydration(page)
    const members = page.getByRole('table', { name: 'Aktív tagok' })
    await expect(members).toBeVisible()
    const bence = members.getByRole('row').filter({ hasText: DEMO.bence.name })
    await expect(bence).toHaveCount(1)
    await expect(bence).toContainText('Körvezető')
    await expect(page.getByRole('banner')).toContainText(DEMO.bence.name)
    await expect(page.getByRole('banner').getByRole('button', { name: 'Kijelentkezés' })).toBeVisible()

    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)
    expect(cookie, 'the session cookie').toBeDefined()
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('Lax')
    expect(
      (await context.cookies()).some((c) => c.name === 'pek_login'),
      'the flow cookie is cleared',
    ).toBe(false)
    oldToken = cookie?.value ?? ''
    await snap('login-04-group-logged-in')
  })

  await test.step('logout returns to anonymous', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Kijelentkezés' }).click()
    await expect(page).toHaveURL('/')
    await waitForHydration(page)
    await expect(page.getByRole('banner').getByRole('link', { name: 'Bejelentkezés' })).toBeVisible()
    await expect(page.getByRole('banner')).not.toContainText(DEMO.bence.name)
    expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false)
    await snap('login-05-logged-out')
  })

  await test.step('the old cookie, replayed, no longer works (revoked on the server)', async () => {
    await context.addCookies([
      { name: SESSION_COOKIE, value: oldToken, url: page.url(), httpOnly: true, sameSite: 'Lax' },
    ])
    await page.goto(kirDev)
    await waitForHydration(page)
    await expect(page.getByText('A tagok listáját bejelentkezés után láthatod.')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Aktív tagok' })).toHaveCount(0)
    await expect(page.getByRole('banner')).not.toContainText(DEMO.bence.name)
    // The server answered the revoked token by clearing the cookie.
    expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false)
    await snap('login-06-replayed-cookie')

    // The same token straight at the server: still anonymous.
    const html = await (
      await page.request.get(kirDev, { headers: { cookie: `${SESSION_COOKIE}=${oldToken}` } })
    ).text()
    expect(html).not.toContain(DEMO.bence.name)
  })
})

test('a newcomer who never logged in is created at the first login', async ({ page, snap }) => {
  await page.goto(kirDev)
  await waitForHydration(page)
  await page.getByRole('main').getByRole('link', { name: 'Bejelentkezés' }).click()
  await expect(page.getByRole('button', { name: DEMO.ferenc.name })).toBeVisible()
  await page.getByRole('button', { name: DEMO.ferenc.name }).click()

  // Until he chooses a screen name every page leads to the registration form (people.spec.ts
  // registers him).
  await expect(page).toHaveURL('/register')
  await waitForHydration(page)
  // The header reads his name from his (new) user row.
  await expect(page.getByRole('banner')).toContainText(DEMO.ferenc.name)
  await snap('login-07-newcomer')
})
