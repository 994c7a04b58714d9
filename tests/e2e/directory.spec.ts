// The group directory as a visitor and a member use it: tabs (with the probably inactive groups of
// the demo dataset flagged), the name filter, the tree, a group page, error pages, the language
// switch and the phone layout.
import { DEMO, expect, KIR_DEV_ID, loginAs, test, waitForHydration } from './fixtures'

test('the directory tabs switch between active groups, all groups and the tree', async ({ page, snap }) => {
  await page.goto('/groups')
  await waitForHydration(page)
  const tabs = page.getByRole('navigation', { name: 'Körlisták' })
  const table = page.getByRole('table', { name: 'Körök' })
  await expect(tabs.getByRole('link', { name: 'Aktív körök' })).toHaveAttribute('aria-current', 'page')
  await expect(table.getByRole('link', { name: 'Kir-Dev', exact: true })).toBeVisible()
  // The active view leaves archived groups out.
  await expect(table.getByText('Archivált', { exact: true })).toHaveCount(0)
  // The demo dataset's groups that stopped evaluating two semesters ago are flagged; Kir-Dev is not.
  const inactive = table.getByText('Valószínűleg inaktív', { exact: true })
  await expect(inactive.first()).toBeVisible()
  expect(await inactive.count()).toBeLessThan(10)
  const kirDevRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Kir-Dev', exact: true }) })
  await expect(kirDevRow).not.toContainText('Valószínűleg inaktív')
  const activeRows = await table.getByRole('row').count()
  await snap('directory-01-active')

  await tabs.getByRole('link', { name: 'Összes kör' }).click()
  await expect(page).toHaveURL('/groups?view=all')
  await expect(tabs.getByRole('link', { name: 'Összes kör' })).toHaveAttribute('aria-current', 'page')
  await expect(tabs.getByRole('link', { name: 'Aktív körök' })).not.toHaveAttribute('aria-current', 'page')
  await expect(table.getByText('Archivált', { exact: true }).first()).toBeVisible()
  expect(await table.getByRole('row').count()).toBeGreaterThan(activeRows)
  await snap('directory-02-all')

  await tabs.getByRole('link', { name: 'Szervezeti fa' }).click()
  await expect(page).toHaveURL('/groups/tree')
  await expect(page.getByRole('heading', { level: 1, name: 'Szervezeti fa' })).toBeVisible()
  await expect(tabs.getByRole('link', { name: 'Szervezeti fa' })).toHaveAttribute('aria-current', 'page')
  await snap('directory-03-tree-tab')
})

test('the name filter narrows the list and lives in the URL', async ({ page, snap }) => {
  await page.goto('/groups')
  await waitForHydration(page)
  const table = page.getByRole('table', { name: 'Körök' })
  await expect(table.getByRole('link', { name: 'LEGO Kör', exact: true })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Szűrés név alapján' }).fill('kir')
  await expect(page).toHaveURL('/groups?q=kir')
  await expect(table.getByRole('link', { name: 'Kir-Dev', exact: true })).toBeVisible()
  await expect(table.getByRole('link', { name: 'LEGO Kör', exact: true })).toHaveCount(0)
  await snap('directory-04-filter')

  // A shared link shows the same result.
  await page.goto('/groups?q=kir')
  await waitForHydration(page)
  await expect(page.getByRole('searchbox', { name: 'Szűrés név alapján' })).toHaveValue('kir')
  await expect(table.getByRole('link', { name: 'Kir-Dev', exact: true })).toBeVisible()
  await expect(table.getByRole('link', { name: 'LEGO Kör', exact: true })).toHaveCount(0)

  await page.getByRole('searchbox', { name: 'Szűrés név alapján' }).fill('nincs ilyen kör')
  await expect(page.getByText('Nincs a szűrésnek megfelelő kör.')).toBeVisible()
})

test('the tree lists the resorts under the council and expands to their circles', async ({ page, snap }) => {
  await page.goto('/groups/tree')
  await waitForHydration(page)
  const main = page.getByRole('main')
  await expect(main.getByRole('link', { name: 'Reszortvezetők Tanácsa', exact: true })).toBeVisible()
  for (const resort of ['Simonyi Károly Szakkollégium', 'Sport Reszort', 'Kulturális Reszort']) {
    await expect(main.getByRole('link', { name: resort, exact: true })).toBeVisible()
  }
  // Circles sit in collapsed resorts.
  const kirDev = main.getByRole('link', { name: 'Kir-Dev', exact: true })
  await expect(kirDev).toBeHidden()
  await snap('directory-05-tree')

  const simonyi = main.locator('summary').filter({
    has: page.getByRole('link', { name: 'Simonyi Károly Szakkollégium', exact: true }),
  })
  await expect(simonyi.locator('..')).not.toHaveAttribute('open')
  // Click the summary beside its link (the link itself would navigate).
  await simonyi.getByText('Reszort', { exact: true }).click()
  await expect(simonyi.locator('..')).toHaveAttribute('open', '')
  await expect(kirDev).toBeVisible()
  await snap('directory-06-tree-expanded')

  await kirDev.click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Kir-Dev' })).toBeVisible()
})

test('a logged-in member sees the active members of a group with their posts', async ({ page, snap }) => {
  await loginAs(page, DEMO.anna.subject)
  await page.goto(`/groups/${KIR_DEV_ID}`)
  await waitForHydration(page)
  await expect(page.getByRole('banner')).toContainText(DEMO.anna.name)
  await expect(page.getByRole('heading', { level: 1, name: 'Kir-Dev' })).toBeVisible()
  await expect(page.getByText('A tagok listáját bejelentkezés után láthatod.')).toHaveCount(0)

  const members = page.getByRole('table', { name: 'Aktív tagok' })
  await expect(members).toBeVisible()
  const rows = members.getByRole('row')
  // Header row + the leader, the seeded student and the random members.
  expect(await rows.count()).toBeGreaterThan(5)
  // Leaders first.
  await expect(rows.nth(1)).toContainText(DEMO.bence.name)
  await expect(rows.nth(1)).toContainText('Körvezető')
  await expect(rows.filter({ hasText: DEMO.anna.name })).toHaveCount(1)
  await expect(members.getByText('Körvezető-helyettes', { exact: true })).toHaveCount(1)
  await snap('directory-07-group-members')
})

test('an unknown group is a 404 page', async ({ page, snap }) => {
  const response = await page.goto('/groups/999999')
  expect(response?.status()).toBe(404)
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Az oldal nem található' })).toBeVisible()
  await snap('directory-08-not-found')
})

test('a malformed group id is a 400 error page', async ({ page, snap }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const response = await page.goto('/groups/abc')
  expect(response?.status()).toBe(400)
  await waitForHydration(page)
  await snap('directory-09-bad-request')
  // The app's own, translated error page (src/ui/ErrorState.tsx), not the router's fallback.
  await expect(page.getByRole('alert').getByRole('heading', { name: 'Hibás kérés' })).toBeVisible()
  await expect(page.getByRole('main')).not.toContainText('Something went wrong')
  expect(errors, 'uncaught errors in the page').toEqual([])
  // What the server sent, before any script ran (first paint, no-JS clients) must be that page too.
  const html = (await response?.text()) ?? ''
  const serverMain = (/<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  expect(serverMain, 'the <main> of the server-rendered HTML').toContain('Hibás kérés')
})

test('the language switch renders the app in English and back', async ({ page, context, snap }) => {
  await page.goto('/groups')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Körök' })).toBeVisible()

  await page.getByRole('banner').getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('banner').getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText('Organisation tree')
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible()
  expect((await context.cookies()).find((c) => c.name === 'pek-locale')?.value).toBe('en')
  await snap('directory-10-english')

  // The server renders the chosen language too.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
  await waitForHydration(page)

  await page.getByRole('banner').getByRole('button', { name: 'Magyar' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Körök' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'hu')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } })

  test('the navigation lives in the menu sheet', async ({ page, snap }) => {
    await page.goto('/groups')
    await waitForHydration(page)
    const menuButton = page.getByRole('button', { name: 'Menü', exact: true })
    await expect(menuButton).toBeVisible()
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false')
    // The header's own navigation and language switch are hidden at this width.
    await expect(page.getByRole('navigation', { name: 'Fő navigáció' })).toBeHidden()
    await expect(page.getByRole('button', { name: 'English' })).toBeHidden()
    await snap('directory-11-phone')

    await menuButton.click()
    const sheet = page.getByRole('dialog', { name: 'Menü' })
    await expect(sheet).toBeVisible()
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true')
    const nav = sheet.getByRole('navigation', { name: 'Fő navigáció' })
    await expect(nav.getByRole('link', { name: 'Körök', exact: true })).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Szervezeti fa', exact: true })).toBeVisible()
    await expect(sheet.getByRole('link', { name: 'Bejelentkezés' })).toBeVisible()
    await expect(sheet.getByRole('button', { name: 'English' })).toBeVisible()
    await snap('directory-12-phone-menu', { fullPage: false })

    await nav.getByRole('link', { name: 'Szervezeti fa', exact: true }).click()
    await expect(page).toHaveURL('/groups/tree')
    await expect(sheet).toBeHidden()
    await expect(page.getByRole('heading', { level: 1, name: 'Szervezeti fa' })).toBeVisible()
  })
})
