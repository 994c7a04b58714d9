// The RVT leader's semester screen (issue 6) and the current semester everyone sees. Tóth Dániel
// switches the period to SUBMISSION and back (typing the id in both forms), schedules a switch and
// cancels it — and a second, stale tab of his is told that the switch was cancelled meanwhile; bad
// input is refused under its field, by the browser's check and by the server's; a student gets a
// clear 403 and no nav item. Screenshots on a desktop and a phone.
//
// The hub is left as the migration seeded it — 2026-2027/1, QUIET, the default caps, nothing
// scheduled — so other specs and a rerun against a reused server find it the same.
import type { Page } from '@playwright/test'
import { DEMO, expect, loginAs, test } from './fixtures'
import { open } from './policy-pages'

/** The RVT leader (holds `semester:admin` through the RVT-elnök policy). */
const DANIEL = { subject: 'demo-daniel', name: 'Tóth Dániel' }
const TITLE = 'Félév és időszak'
/** The nav item: short, the header holds several. */
const NAV_LABEL = 'Félév'

const switchNow = (page: Page) => page.getByRole('form', { name: 'Váltás most' })
const scheduleForm = (page: Page) => page.getByRole('form', { name: 'Időzített váltás' })
const upcoming = (page: Page) => page.getByTestId('upcoming-switches').getByRole('listitem')

async function switchTo(page: Page, semester: string, period: string, toast: string) {
  const form = switchNow(page)
  await form.getByLabel('Félév azonosítója').fill(semester)
  await form.getByLabel('Időszak').selectOption(period)
  await form.getByRole('button', { name: 'Váltás most' }).click()
  await expect(page.getByText(toast)).toBeVisible()
}

/** `YYYY-MM-DDTHH:mm` on the Budapest wall clock, `days` from now at the given time of day. */
function budapestInput(days: number, time: string): string {
  const day = new Date(Date.now() + days * 86_400_000)
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Budapest' }).format(day)
  return `${date}T${time}`
}

test('the RVT leader switches the period to submission and back; everyone sees it', async ({
  page,
  browser,
  snap,
}) => {
  await loginAs(page, DANIEL.subject)
  await open(page, '/')
  await expect(page.getByTestId('current-semester')).toHaveText(
    'Aktuális félév: 2026/27 ősz · Időszak: csendes',
  )
  await page
    .getByRole('navigation', { name: 'Fő navigáció' })
    .getByRole('link', { name: NAV_LABEL, exact: true })
    .click()
  await expect(page).toHaveURL('/admin/semester')
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(page.getByTestId('current-semester-name')).toHaveText('2026/27 ősz')
  await expect(page.getByText('Azonosító: 2026-2027/1 (régi formában 202620271)')).toBeVisible()

  // The legacy 9-digit form is accepted as well.
  await switchTo(page, '202620271', 'SUBMISSION', 'Átváltottunk: 2026/27 ősz · leadási.')
  await expect(page.getByTestId('current-period')).toHaveText('leadási')
  const latest = page.getByTestId('switch-log').getByRole('listitem').first()
  await expect(latest).toContainText('Erre: 2026/27 ősz · leadási')
  await expect(latest).toContainText('Előtte: 2026/27 ősz · csendes')
  await expect(latest).toContainText(`Indította: ${DANIEL.name}`)
  await snap('semester-admin-01-submission')

  // An anonymous visitor sees the new period on the home page.
  const visitor = await browser.newContext()
  const anonymous = await visitor.newPage()
  await open(anonymous, '/')
  await expect(anonymous.getByTestId('current-semester')).toHaveText(
    'Aktuális félév: 2026/27 ősz · Időszak: leadási',
  )
  await visitor.close()

  await switchTo(page, '2026-2027/1', 'QUIET', 'Átváltottunk: 2026/27 ősz · csendes.')
  await expect(page.getByTestId('current-period')).toHaveText('csendes')
  await open(page, '/')
  await expect(page.getByTestId('current-semester')).toHaveText(
    'Aktuális félév: 2026/27 ősz · Időszak: csendes',
  )
  await snap('semester-admin-02-home')
})

test('bad input is refused under its field, by the browser and by the server', async ({ page, snap }) => {
  await loginAs(page, DANIEL.subject)
  await open(page, '/admin/semester')

  const semester = switchNow(page).getByLabel('Félév azonosítója')
  await semester.fill('2026-2028/1')
  await switchNow(page).getByRole('button', { name: 'Váltás most' }).click()
  await expect(switchNow(page)).toContainText('Ez nem félév-azonosító. Formája 2026-2027/1 vagy 202620271.')
  await expect(semester).toHaveAttribute('aria-invalid', 'true')
  await expect(semester).toBeFocused()
  await expect(page.getByTestId('current-period')).toHaveText('csendes')

  // Only the server knows its clock: a time in the past is its 400, translated under the field.
  const schedule = scheduleForm(page)
  await schedule.getByLabel('Időpont (budapesti idő)').fill(budapestInput(-1, '12:00'))
  await schedule.getByRole('button', { name: 'Váltás időzítése' }).click()
  await expect(schedule).toContainText('Az időpontnak a jövőben kell lennie.')
  await expect(schedule.getByLabel('Időpont (budapesti idő)')).toHaveAttribute('aria-invalid', 'true')

  // The caps must fit together: the smallest total above the zeroed ones.
  const caps = page.getByRole('form', { name: 'Értékelési korlátok' })
  await caps.getByLabel('Legkisebb összeg').fill('2')
  await caps.getByRole('button', { name: 'Mentés' }).click()
  await expect(caps).toContainText('Nagyobbnak kell lennie a nullázott összegek határánál.')
  await snap('semester-admin-03-field-errors')
  // Put back, it saves (the values are the defaults again).
  await caps.getByLabel('Legkisebb összeg').fill('5')
  await caps.getByRole('button', { name: 'Mentés' }).click()
  await expect(page.getByText('A korlátokat elmentettük.')).toBeVisible()
})

test('the RVT leader schedules a switch and cancels it; a stale tab is told', async ({ page, snap }) => {
  await loginAs(page, DANIEL.subject)
  await open(page, '/admin/semester')
  const schedule = scheduleForm(page)
  // Defaults: the next semester, quiet.
  await expect(schedule.getByLabel('Félév azonosítója')).toHaveValue('2026-2027/2')
  await schedule.getByLabel('Időpont (budapesti idő)').fill(budapestInput(30, '12:34'))
  await schedule.getByRole('button', { name: 'Váltás időzítése' }).click()
  await expect(page.getByText(/^Időzítve: .*12:34 – 2026\/27 tavasz · csendes\.$/)).toBeVisible()
  const row = upcoming(page).filter({ hasText: '12:34' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('2026/27 tavasz · csendes')
  await expect(row).toContainText(`Időzítette: ${DANIEL.name}`)
  await snap('semester-admin-04-scheduled')

  // A second tab of his, loaded before the cancel, still offers it.
  const stale = await page.context().newPage()
  await open(stale, '/admin/semester')
  await expect(upcoming(stale).filter({ hasText: '12:34' })).toHaveCount(1)

  await row.getByRole('button', { name: /^Visszavonás/ }).click()
  await expect(page.getByText('Az időzített váltást visszavontuk.')).toBeVisible()
  await expect(upcoming(page).filter({ hasText: '12:34' })).toHaveCount(0)

  await upcoming(stale)
    .filter({ hasText: '12:34' })
    .getByRole('button', { name: /^Visszavonás/ })
    .click()
  await expect(stale.getByRole('alert').filter({ hasText: 'időközben valaki visszavonta' })).toBeVisible()
  await expect(upcoming(stale).filter({ hasText: '12:34' })).toHaveCount(0)
  await stale.getByRole('alert').scrollIntoViewIfNeeded()
  await snap('semester-admin-05-lost-race', { page: stale, fullPage: false })
  await stale.close()
  await expect(page.getByTestId('switch-log').getByRole('listitem').first()).toContainText('Visszavonva')
})

test('a student gets a clear 403 and no nav item', async ({ page, snap }) => {
  await loginAs(page, DEMO.anna.subject)
  await open(page, '/')
  await expect(page.getByTestId('current-semester')).toBeVisible()
  await expect(page.getByRole('link', { name: NAV_LABEL, exact: true })).toHaveCount(0)
  await open(page, '/admin/semester')
  await expect(page.getByRole('heading', { level: 1, name: 'Nincs jogosultságod' })).toBeVisible()
  await expect(page.getByText('csak az RVT-elnök válthatja', { exact: false })).toBeVisible()
  await expect(page.getByRole('form', { name: 'Váltás most' })).toHaveCount(0)
  await snap('semester-admin-06-forbidden')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } })

  test('the screen fits and the menu offers it; English reads the same', async ({ page, snap }) => {
    await loginAs(page, DANIEL.subject)
    await open(page, '/')
    await page.getByRole('button', { name: 'Menü', exact: true }).click()
    const sheet = page.getByRole('dialog', { name: 'Menü' })
    await sheet.getByRole('link', { name: NAV_LABEL, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
    await expectNoOverflow(page)
    await snap('semester-admin-07-phone')

    await page.context().addCookies([{ name: 'pek-locale', value: 'en', url: page.url() }])
    await open(page, '/admin/semester')
    await expect(page.getByRole('heading', { level: 1, name: 'Semester and period' })).toBeVisible()
    await expect(page.getByTestId('current-semester-name')).toHaveText('2026/27 autumn')
    await expect(page.getByTestId('current-period')).toHaveText('quiet')
    await expectNoOverflow(page)
    await snap('semester-admin-08-phone-english')
  })
})

/** Nothing sticks out sideways on a 375px phone. */
async function expectNoOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
}
