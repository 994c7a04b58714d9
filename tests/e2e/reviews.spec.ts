// The reviewers' screens (issue 6): Tóth Dániel, the RVT leader, finds "Bírálat" in the nav and sees
// every group's evaluation of the current semester, filters it and opens the colored entry card list
// with its counts per type; Szabó Csilla, a resort leader, gets her resort's groups (Kir-Dev is one
// of them); Kovács Anna, a student, has no nav item and is told in words that the list is not hers.
// The judgement flow: in SUBMISSION Nagy Bence scores one member and submits Kir-Dev's points, in
// REVIEW Dániel accepts them with an explanation and the system message shows in the thread; the
// switch to QUIET closes the semester: Anna sees her community points on her profile and the
// community points CSV has her row. The hub is then put back as the other specs expect it (the
// request reopened, the principle deleted, QUIET) — also when the test fails.
import type { Browser, Page } from '@playwright/test'
import { addPrinciple, deletePrinciple, switchPeriod } from './evaluation-pages'
import { DEMO, expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { open } from './policy-pages'

const DANIEL = 'demo-daniel'
const EVALUATION = `/groups/${KIR_DEV_ID}/evaluation`
const nav = (page: Page) => page.getByRole('navigation', { name: 'Fő navigáció' })
const kirDevRow = (page: Page) => page.getByRole('link', { name: 'Kir-Dev', exact: true })
const ANNA_PROFILE = '/u/anna1'

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

/** A reviewer's judgement on Kir-Dev's evaluation page: a new point request status and why. */
async function judgePoints(page: Page, status: string, explanation: string) {
  const form = page.getByRole('form', { name: 'Bírálat' })
  await form.getByLabel('Pontkérelem új állapota').selectOption({ label: status })
  await form.getByLabel('Indoklás').fill(explanation)
  await form.getByRole('button', { name: 'Bírálat mentése' }).click()
}

/** Back as the other specs expect it: the point request reopened, the principle gone, QUIET. */
async function restore(browser: Browser, page: Page, principle: string) {
  await switchPeriod(browser, 'REVIEW')
  await loginAs(page, DANIEL)
  await open(page, EVALUATION)
  if ((await page.getByTestId('points-status').textContent()) !== 'nincs leadva') {
    await judgePoints(page, 'nincs leadva', 'A teszt visszaállítja.')
    await expect(page.getByTestId('points-status')).toHaveText('nincs leadva')
  }
  await switchPeriod(browser, 'SUBMISSION')
  await loginAs(page, DEMO.bence.subject)
  await open(page, EVALUATION)
  if (await page.getByRole('button', { name: `Törlés: ${principle}` }).count())
    await deletePrinciple(page, principle)
}

test('a semester: the leader submits, the RVT leader accepts, QUIET brings the points to the profile and the CSV', async ({
  page,
  browser,
  snap,
}) => {
  test.setTimeout(240_000)
  const tag = Date.now().toString(36)
  const principle = `Bírálandó ${tag}`
  const explanation = `Rendben van ${tag}`
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
    await expect(page.getByTestId('points-status')).toHaveText('bírálatra vár')

    await switchPeriod(browser, 'REVIEW')
    await loginAs(page, DANIEL)
    await open(page, '/reviews?points=PENDING')
    await kirDevRow(page).click()
    await expect(page).toHaveURL(EVALUATION)
    const form = page.getByRole('form', { name: 'Bírálat' })
    // The explanation is required: refused in the browser, nothing sent.
    await form.getByLabel('Pontkérelem új állapota').selectOption({ label: 'elfogadva' })
    await form.getByRole('button', { name: 'Bírálat mentése' }).click()
    await expect(form.getByText('Írd meg az indoklást!')).toBeVisible()
    await judgePoints(page, 'elfogadva', explanation)
    await expect(page.getByText('Elmentettük a bírálatot.')).toBeVisible()
    await expect(page.getByTestId('points-status')).toHaveText('elfogadva')
    const message = page
      .getByTestId('evaluation-messages')
      .getByRole('listitem')
      .filter({ hasText: explanation })
    await expect(message).toContainText('Rendszerüzenet')
    await expect(message).toContainText('point request: PENDING → ACCEPTED')
    // The same judgement again changes nothing: the server's refusal, in words.
    await judgePoints(page, 'elfogadva', explanation)
    await expect(form.getByRole('alert')).toHaveText('Ez nem változtat semmin.')

    // A message of his own, set apart from the system's.
    const note = `Köszönjük, ${tag}!`
    const thread = page.getByRole('form', { name: 'Új üzenet' })
    await thread.getByLabel('Új üzenet').fill(note)
    await thread.getByRole('button', { name: 'Küldés' }).click()
    const mine = page.getByTestId('evaluation-messages').getByRole('listitem').filter({ hasText: note })
    await expect(mine).toContainText('Tóth Dániel')
    await expect(mine).not.toContainText('Rendszerüzenet')
    await snap('evaluation-judged')

    // Closing the semester: the switch to QUIET recomputes community points from the accepted
    // request. 4 points become 5 under the caps (3–4 → 5), and √(5²) = 5.
    await switchPeriod(browser, 'QUIET')
    await loginAs(page, DEMO.anna.subject)
    await open(page, ANNA_PROFILE)
    const points = page.getByRole('region', { name: 'Pontok és belépők' })
    await expect(points).toContainText('Kir-Dev')
    await expect(points).toContainText('Közösségi pont: 5')
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
