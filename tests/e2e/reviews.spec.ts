// The reviewers' screens (issue 6): Tóth Dániel, the RVT leader, finds "Bírálat" in the nav and sees
// every group's evaluation of the current semester, filters it and opens the colored entry card list
// with its counts per type; Szabó Csilla, a resort leader, gets her resort's groups (Kir-Dev is one
// of them); Kovács Anna, a student, has no nav item and is told in words that the list is not hers.
// A whole semester: in SUBMISSION Nagy Bence scores one member and submits Kir-Dev's points; in
// REVIEW Csilla, told of the submission, finds it in her list, comments in the thread and rejects it
// with a reason (she may set anything but ACCEPTED); Bence is told and sees both; Dániel reads them
// and accepts (only he may), and the system messages show in the thread; the judged point table is
// captured on a desktop and a phone. The switch to QUIET closes the semester: Anna sees her community
// points on her profile and the community points CSV has her row. The hub is then put back as the
// other specs expect it (the request reopened, the principle deleted, QUIET) — also when it fails.
import type { Browser, Page } from '@playwright/test'
import {
  addPrinciple,
  deletePrinciple,
  judge,
  reopenRequest,
  scrollToTop,
  switchPeriod,
} from './evaluation-pages'
import { DEMO, expect, KIR_DEV_ID, loginAs, type SnapOptions, test } from './fixtures'
import { open } from './policy-pages'

const DANIEL = 'demo-daniel'
const EVALUATION = `/groups/${KIR_DEV_ID}/evaluation`
const nav = (page: Page) => page.getByRole('navigation', { name: 'Fő navigáció' })
const kirDevRow = (page: Page) => page.getByRole('link', { name: 'Kir-Dev', exact: true })
const ANNA_PROFILE = '/u/anna1'
/** The hub's seeded current semester, as the screens name it. */
const CURRENT_SEMESTER = '2026/27 ősz'
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 720 }
type Snap = (name: string, options?: SnapOptions) => Promise<void>

test('the RVT leader lists every evaluation, filters it and opens the colored entry cards', async ({
  page,
  snap,
}) => {
  await loginAs(page, DANIEL)
  // The first visit creates Kir-Dev's evaluation of the current semester: the list then holds it.
  await open(page, EVALUATION)
  await expect(page.getByRole('heading', { level: 1, name: /: értékelés$/ })).toBeVisible()
  await nav(page).getByRole('link', { name: 'Bírálat', exact: true }).click()
  await expect(page).toHaveURL('/reviews')
  await expect(page.getByRole('heading', { level: 1, name: 'Bírálat' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Értékelések \(\d+\)$/ })).toBeVisible()
  await expect(kirDevRow(page)).toHaveAttribute('href', EVALUATION)
  await snap('reviews-list')

  // A status nobody has in the quiet period: the empty state says so.
  const filter = page.getByRole('form', { name: 'Szűrés' })
  await filter.getByLabel('Pontkérelem állapota').selectOption({ label: 'bírálatra vár' })
  await filter.getByLabel('Belépőkérelem állapota').selectOption({ label: 'elutasítva' })
  await filter.getByRole('button', { name: 'Szűrés' }).click()
  await expect(page).toHaveURL(/points=PENDING/)
  await expect(page.getByRole('heading', { level: 2, name: 'Nincs bírálandó értékelés' })).toBeVisible()

  await page.getByRole('link', { name: 'Színes belépők bírálata' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Színes belépők' })).toBeVisible()
  const tabs = page.getByRole('navigation', { name: 'Belépőtípusok' })
  await expect(tabs.getByRole('link', { name: /^Mind \(\d+\)$/ })).toHaveAttribute('aria-current', 'page')
  await expect(tabs.getByRole('link', { name: /^KB \(\d+\)$/ })).toBeVisible()
  await tabs.getByRole('link', { name: /^ÁB \(\d+\)$/ }).click()
  await expect(page).toHaveURL(/type=AB/)
  await expect(tabs.getByRole('link', { name: /^ÁB \(\d+\)$/ })).toHaveAttribute('aria-current', 'page')
  await expect(
    page
      .getByRole('heading', { level: 2, name: 'Nincs színes belépő' })
      .or(page.getByRole('heading', { level: 2, name: /^Belépők \(\d+\)$/ })),
  ).toBeVisible()
  await snap('entry-cards')
})

test("a resort leader lists her resort's groups", async ({ page }) => {
  await loginAs(page, DEMO.csilla.subject)
  await open(page, EVALUATION)
  // Judging some groups (her resort's) is enough for the nav to offer the list.
  await nav(page).getByRole('link', { name: 'Bírálat', exact: true }).click()
  await expect(page).toHaveURL('/reviews')
  await expect(page.getByRole('heading', { level: 1, name: 'Bírálat' })).toBeVisible()
  await expect(page.getByText(/^A\(z\) .+ reszort körei\./)).toBeVisible()
  await expect(kirDevRow(page)).toHaveAttribute('href', EVALUATION)
  await open(page, '/reviews/entry-cards')
  await expect(page.getByRole('heading', { level: 1, name: 'Színes belépők' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Belépőtípusok' })).toBeVisible()
})

test('a student has no nav item and is told the list is not hers', async ({ page, snap }) => {
  await loginAs(page, DEMO.anna.subject)
  await open(page, '/')
  await expect(nav(page).getByRole('link', { name: 'Körök', exact: true })).toBeVisible()
  await expect(nav(page).getByRole('link', { name: 'Bírálat', exact: true })).toHaveCount(0)
  await open(page, '/reviews')
  await expect(
    page.getByText(/^A bírálati listát az RVT tagjai és a reszortvezetők láthatják\./),
  ).toBeVisible()
  await open(page, '/reviews/entry-cards')
  await expect(
    page.getByText(/^A színes belépőket a reszortvezetők és az RVT elnöke bírálják\./),
  ).toBeVisible()
  await page.setViewportSize({ width: 390, height: 844 })
  await snap('reviews-forbidden-phone')
})

/** Back as the other specs expect it: the point request reopened, the principle gone, QUIET. */
async function restore(browser: Browser, page: Page, principle: string) {
  await switchPeriod(browser, 'REVIEW')
  await loginAs(page, DANIEL)
  await open(page, EVALUATION)
  await reopenRequest(page, 'points')
  await switchPeriod(browser, 'SUBMISSION')
  await loginAs(page, DEMO.bence.subject)
  await open(page, EVALUATION)
  if (await page.getByRole('button', { name: `Törlés: ${principle}` }).count())
    await deletePrinciple(page, principle)
}

test('a semester: the leader submits, the resort leader comments and rejects, the RVT leader accepts, QUIET brings the points to the profile and the CSV', async ({
  page,
  browser,
  snap,
}) => {
  test.setTimeout(300_000)
  const tag = Date.now().toString(36)
  const principle = `Bírálandó ${tag}`
  const comment = `Átnéztem a táblát, ${tag}.`
  const rejection = `Az elvhez leírás kell ${tag}`
  const explanation = `Rendben van ${tag}`
  const messages = page.getByTestId('evaluation-messages').getByRole('listitem')
  const status = page.getByTestId('points-status')
  await switchPeriod(browser, 'SUBMISSION')
  try {
    await loginAs(page, DEMO.bence.subject)
    await open(page, EVALUATION)
    // The group's own leader may not judge: no judgement card for him.
    await expect(page.getByRole('form', { name: 'Bírálat' })).toHaveCount(0)
    await addPrinciple(page, principle, 'Munka', 10)
    const cell = page.getByRole('textbox', { name: `${DEMO.anna.name} – Munka: ${principle}` })
    await cell.fill('4')
    await cell.press('Enter')
    await expect(
      page.getByTestId('point-row').filter({ hasText: DEMO.anna.name }).getByTitle('Mentve'),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Pontkérelem leadása' }).click()
    await expect(status).toHaveText('bírálatra vár')

    await switchPeriod(browser, 'REVIEW')
    // The resort leader was told of the submission; she finds it in her list of her resort's groups.
    await loginAs(page, DEMO.csilla.subject)
    await open(page, '/notifications')
    await expect(page.getByRole('link', { name: /Kir-Dev leadta: pontkérelem \(/ }).first()).toBeVisible()
    await nav(page).getByRole('link', { name: 'Bírálat', exact: true }).click()
    await expect(page).toHaveURL('/reviews')
    const filter = page.getByRole('form', { name: 'Szűrés' })
    await filter.getByLabel('Pontkérelem állapota').selectOption({ label: 'bírálatra vár' })
    await filter.getByRole('button', { name: 'Szűrés' }).click()
    await expect(page).toHaveURL(/points=PENDING/)
    await kirDevRow(page).click()
    await expect(page).toHaveURL(EVALUATION)
    await expect(status).toHaveText('bírálatra vár')
    await expect(
      page.getByTestId('point-row').filter({ hasText: DEMO.anna.name }).getByTestId('row-total'),
    ).toHaveText('5')
    // Only the RVT leader accepts: her judgement offers every status but that one.
    const pointChoice = page.getByRole('form', { name: 'Bírálat' }).getByLabel('Pontkérelem új állapota')
    await expect(pointChoice.locator('option', { hasText: /^elutasítva$/ })).toHaveCount(1)
    await expect(pointChoice.locator('option', { hasText: /^elfogadva$/ })).toHaveCount(0)
    const thread = page.getByRole('form', { name: 'Új üzenet' })
    await thread.getByLabel('Új üzenet').fill(comment)
    await thread.getByRole('button', { name: 'Küldés' }).click()
    await expect(page.getByText('Elküldtük az üzenetet.')).toBeVisible()
    await expect(messages.filter({ hasText: comment })).toContainText(DEMO.csilla.name)
    await expect(messages.filter({ hasText: comment })).not.toContainText('Rendszerüzenet')
    await judge(page, { points: 'elutasítva' }, rejection)
    await expect(page.getByText('Elmentettük a bírálatot.')).toBeVisible()
    await expect(status).toHaveText('elutasítva')
    const rejected = messages.filter({ hasText: rejection })
    await expect(rejected).toContainText('Rendszerüzenet')
    await expect(rejected).toContainText(DEMO.csilla.name)
    await expect(rejected).toContainText('point request: PENDING → REJECTED')

    // The group's leader is told why, and sees her comment and the new status on the page.
    await loginAs(page, DEMO.bence.subject)
    await open(page, '/notifications')
    await expect(
      page
        .getByRole('link', { name: /Kir-Dev értékelését elbírálták/ })
        .filter({ hasText: `pontkérelem: bírálatra vár → elutasítva. Indoklás: ${rejection}` }),
    ).toBeVisible()
    await open(page, EVALUATION)
    await expect(status).toHaveText('elutasítva')
    await expect(messages.filter({ hasText: comment })).toContainText(DEMO.csilla.name)
    await expect(messages.filter({ hasText: rejection })).toContainText('Rendszerüzenet')

    // The RVT leader reads her comment and her reason, and accepts over them.
    await loginAs(page, DANIEL)
    await open(page, '/reviews?points=REJECTED')
    await kirDevRow(page).click()
    await expect(page).toHaveURL(EVALUATION)
    await expect(messages.filter({ hasText: comment })).toContainText(DEMO.csilla.name)
    await expect(messages.filter({ hasText: rejection })).toContainText('point request: PENDING → REJECTED')
    const form = page.getByRole('form', { name: 'Bírálat' })
    // The explanation is required: refused in the browser, nothing sent.
    await form.getByLabel('Pontkérelem új állapota').selectOption({ label: 'elfogadva' })
    await form.getByRole('button', { name: 'Bírálat mentése' }).click()
    await expect(form.getByText('Írd meg az indoklást!')).toBeVisible()
    await judge(page, { points: 'elfogadva' }, explanation)
    await expect(page.getByText('Elmentettük a bírálatot.')).toBeVisible()
    await expect(status).toHaveText('elfogadva')
    const message = messages.filter({ hasText: explanation })
    await expect(message).toContainText('Rendszerüzenet')
    await expect(message).toContainText('Tóth Dániel')
    await expect(message).toContainText('point request: REJECTED → ACCEPTED')
    // The same judgement again changes nothing: the server's refusal, in words.
    await judge(page, { points: 'elfogadva' }, explanation)
    await expect(form.getByRole('alert')).toHaveText('Ez nem változtat semmin.')

    // A message of his own, set apart from the system's.
    const note = `Köszönjük, ${tag}!`
    await thread.getByLabel('Új üzenet').fill(note)
    await thread.getByRole('button', { name: 'Küldés' }).click()
    const mine = messages.filter({ hasText: note })
    await expect(mine).toContainText('Tóth Dániel')
    await expect(mine).not.toContainText('Rendszerüzenet')

    await snapJudgedTable(page, snap, principle)

    // Closing the semester: the switch to QUIET recomputes community points from the accepted
    // request. 4 points become 5 under the caps (3–4 → 5), and √(5²) = 5.
    await switchPeriod(browser, 'QUIET')
    await loginAs(page, DEMO.anna.subject)
    await open(page, ANNA_PROFILE)
    const points = page.getByRole('region', { name: 'Pontok és belépők' })
    // This semester's entry (the profile lists every semester with accepted results, newest first).
    const closed = points
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: CURRENT_SEMESTER }) })
    await expect(closed).toContainText('Kir-Dev')
    await expect(closed).toContainText(/Közösségi pont: 5(?!\d)/)
    await points.scrollIntoViewIfNeeded()
    await snap('semester-closed-profile', { fullPage: false })
    await loginAs(page, DANIEL)
    const csv = await (await page.request.get('/api/exports/community-points')).text()
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const annaRow = csv.split('\r\n').find((line) => line.includes(DEMO.anna.name))
    expect(annaRow?.split(';')[4]).toBe('5')
    expect(annaRow).toContain('Kir-Dev')
  } finally {
    try {
      await restore(browser, page, principle)
    } finally {
      await switchPeriod(browser, 'QUIET')
    }
  }
})

/**
 * The accepted point table, read-only: on a desktop with the zero rows hidden (Anna's row, her 4
 * points raised to 5), and on a phone, where the page keeps its width and the table scrolls sideways.
 */
async function snapJudgedTable(page: Page, snap: Snap, principle: string) {
  await open(page, EVALUATION)
  const annaRow = page.getByTestId('point-row').filter({ hasText: DEMO.anna.name })
  await expect(annaRow.getByTestId('row-total')).toHaveText('5')
  // Nobody edits an accepted request: the cells are plain text.
  await expect(page.getByRole('textbox', { name: `${DEMO.anna.name} – Munka: ${principle}` })).toHaveCount(0)
  await page.getByLabel('Nullás sorok elrejtése').check()
  await expect(page.getByTestId('point-row')).toHaveCount(1)
  await scrollToTop(page)
  await snap('evaluation-judged-desktop')

  await page.setViewportSize(PHONE)
  await open(page, EVALUATION)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
  // The table's own scrolling region, around it.
  const table = page.getByRole('table', { name: 'Ponttáblázat' }).locator('..')
  const { scrollWidth, clientWidth } = await table.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }))
  expect(scrollWidth).toBeGreaterThan(clientWidth)
  await annaRow.getByTestId('row-total').scrollIntoViewIfNeeded()
  await expect(annaRow.getByTestId('row-total')).toBeInViewport()
  await table.evaluate((el) => el.scrollTo({ left: 0 }))
  await page.getByRole('heading', { level: 2, name: 'Ponttáblázat' }).evaluate((el) => el.scrollIntoView())
  await snap('evaluation-judged-phone', { fullPage: false })
  await page.setViewportSize(DESKTOP)
}
