// The leader's report and the cell comments on the evaluation screen (issue 6): in SUBMISSION Nagy
// Bence, the leader of Kir-Dev, writes the semester report, saves it with the button and finds it
// after a reload; he opens a cell's comment panel from the keyboard-reachable button of the cell,
// posts a comment, and Escape brings him back to the button, which now counts one. Szabó Csilla, the
// resort leader, reads the report (no form for her), sees the count, reads his comment and answers
// it, also on a phone. In QUIET the leader's report is read only and he is told why. Screenshots of
// the report card and the comment panel on a desktop and a phone.
//
// The RVT leader switches the period to SUBMISSION and back to QUIET at the end (also when the test
// fails); the principle this test added is deleted again, its comments with it.
import type { Page } from '@playwright/test'
import { addPrinciple, deletePrinciple, switchPeriod } from './evaluation-pages'
import { DEMO, expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { open } from './policy-pages'

const PATH = `/groups/${KIR_DEV_ID}/evaluation`
const PHONE = { width: 375, height: 812 }

const reportForm = (page: Page) => page.getByRole('form', { name: 'Beszámoló' })
const commentPanel = (page: Page) => page.getByRole('dialog', { name: /^Megjegyzések/ })

/** The comment button of Kovács Anna's cell of the principle: its name carries the count, if any. */
const commentButton = (page: Page, principle: string, count?: number) =>
  page.getByRole('button', {
    name: `Megjegyzések: ${DEMO.anna.name} – ${principle}${count ? ` (${count})` : ''}`,
    exact: true,
  })

async function noSideways(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
}

test('the leader writes the report; a comment on a cell reaches the resort leader', async ({
  page,
  browser,
  snap,
}) => {
  test.setTimeout(240_000)
  const tag = Date.now().toString(36)
  const principle = `Megjegyzett ${tag}`
  const report = `Jó félév volt (${tag}).\nA Kir-Dev sokat dolgozott.`
  const question = `Miért csak ennyi? (${tag})`
  const answer = `Mert kevesebbet járt be (${tag}).`
  let quiet = false
  await switchPeriod(browser, 'SUBMISSION')
  try {
    await loginAs(page, DEMO.bence.subject)
    await open(page, PATH)

    // The report: the limit is shown, unsaved changes are flagged until the button saves them.
    const form = reportForm(page)
    const text = form.getByLabel('A félév beszámolója')
    await expect(form).toContainText(/ \/ 20\s000 karakter/)
    await text.fill(report)
    await expect(form).toContainText(`${report.length} / 20`)
    await expect(form.getByText('Vannak nem mentett változások.')).toBeVisible()
    await form.getByRole('button', { name: 'Beszámoló mentése' }).click()
    await expect(form.getByTitle('Mentve')).toBeVisible()
    await expect(form.getByText('Vannak nem mentett változások.')).toHaveCount(0)
    await open(page, PATH)
    await expect(text).toHaveValue(report)
    await form.scrollIntoViewIfNeeded()
    await snap('evaluation-report-01-desktop', { fullPage: false })

    // A comment on Anna's cell of a new principle, from the keyboard.
    await addPrinciple(page, principle, 'Munka', 10)
    const button = commentButton(page, principle)
    await button.focus()
    await page.keyboard.press('Enter')
    const panel = commentPanel(page)
    await expect(panel).toBeVisible()
    await expect(panel).toContainText(`${DEMO.anna.name} – Munka: ${principle}`)
    await expect(panel.getByText('Ehhez a cellához még nincs megjegyzés.')).toBeVisible()
    // Focus moved into the panel (the page behind it is inert).
    expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.open)).toBe(true)
    await panel.getByRole('button', { name: 'Küldés' }).click()
    await expect(panel.getByText('Írd meg a megjegyzést!')).toBeVisible()
    await panel.getByRole('textbox', { name: 'Új megjegyzés' }).fill(question)
    await panel.getByRole('button', { name: 'Küldés' }).click()
    const list = panel.getByRole('list', { name: 'A cella megjegyzései' })
    await expect(list.getByRole('listitem')).toHaveCount(1)
    await expect(list.getByRole('listitem')).toContainText(DEMO.bence.name)
    await expect(list.getByRole('listitem')).toContainText(question)
    await expect(panel.getByText('Elküldtük a megjegyzést.')).toBeVisible()
    await expect(panel.getByRole('textbox', { name: 'Új megjegyzés' })).toHaveValue('')
    await snap('evaluation-comments-01-desktop', { fullPage: false })
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    // Back on the cell's button, which counts the comment now.
    await expect(commentButton(page, principle, 1)).toBeFocused()

    // The resort leader reads the report and the comment, and answers it on her phone.
    const context = await browser.newContext({ viewport: PHONE })
    try {
      const csilla = await context.newPage()
      await loginAs(csilla, DEMO.csilla.subject)
      await open(csilla, PATH)
      await expect(reportForm(csilla)).toHaveCount(0)
      await expect(csilla.getByTestId('evaluation-report')).toContainText(`Jó félév volt (${tag}).`)
      await expect(csilla.getByTestId('evaluation-report')).toContainText('A Kir-Dev sokat dolgozott.')
      await csilla.getByTestId('evaluation-report').scrollIntoViewIfNeeded()
      await noSideways(csilla)
      await snap('evaluation-report-02-phone', { page: csilla, fullPage: false })

      await commentButton(csilla, principle, 1).click()
      const herPanel = commentPanel(csilla)
      const herList = herPanel.getByRole('list', { name: 'A cella megjegyzései' })
      await expect(herList.getByRole('listitem')).toHaveCount(1)
      await expect(herList).toContainText(question)
      await expect(herList).toContainText(DEMO.bence.name)
      await herPanel.getByRole('textbox', { name: 'Új megjegyzés' }).fill(answer)
      await herPanel.getByRole('button', { name: 'Küldés' }).click()
      await expect(herList.getByRole('listitem')).toHaveCount(2)
      await expect(herList.getByRole('listitem').nth(1)).toContainText(DEMO.csilla.name)
      const box = await herPanel.boundingBox()
      expect((box?.x ?? 0) + (box?.width ?? PHONE.width + 1)).toBeLessThanOrEqual(PHONE.width)
      await snap('evaluation-comments-02-phone', { page: csilla, fullPage: false })
      await herPanel.getByRole('button', { name: 'Bezárás' }).click()
      await expect(herPanel).toBeHidden()
      await expect(commentButton(csilla, principle, 2)).toBeFocused()
    } finally {
      await context.close()
    }

    // The leader sees her answer counted after a reload, then removes the test's column.
    await open(page, PATH)
    await commentButton(page, principle, 2).click()
    await expect(commentPanel(page).getByRole('listitem').nth(1)).toContainText(answer)
    await page.keyboard.press('Escape')
    await expect(commentPanel(page)).toBeHidden()
    await deletePrinciple(page, principle)

    // In QUIET the report is read only, and its leader is told why.
    await switchPeriod(browser, 'QUIET')
    quiet = true
    await open(page, PATH)
    await expect(reportForm(page)).toHaveCount(0)
    await expect(page.getByTestId('evaluation-report')).toContainText(`Jó félév volt (${tag}).`)
    await expect(page.getByText('A beszámolót a leadási időszakban írhatod.')).toBeVisible()
  } finally {
    if (!quiet) {
      // A failed run must not leave its column (and its comments) to the next one on a reused server.
      const leftover = page.getByRole('button', { name: `Törlés: ${principle}` })
      if (await leftover.count().catch(() => 0)) await deletePrinciple(page, principle).catch(() => undefined)
      await switchPeriod(browser, 'QUIET')
    }
  }
})
