// Steps shared by the evaluation specs: the RVT leader switches the hub's period on his semester
// screen (the specs switch back to QUIET in a finally), a leader adds or deletes a principle, a
// reviewer judges the evaluation on its page or reopens a request there (the specs' clean-up), and a
// page is scrolled back up for a full-page snap.
import type { Browser, Page } from '@playwright/test'
import { expect, loginAs } from './fixtures'
import { open } from './policy-pages'

const DANIEL = 'demo-daniel'

/** Tóth Dániel switches the current semester's period on /admin/semester, in a context of his own. */
export async function switchPeriod(browser: Browser, period: 'SUBMISSION' | 'REVIEW' | 'QUIET') {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await loginAs(page, DANIEL)
    await open(page, '/admin/semester')
    const ids = await page.getByText(/^Azonosító: /).textContent()
    const semester = /Azonosító: (\S+)/.exec(ids ?? '')?.[1] ?? ''
    const form = page.getByRole('form', { name: 'Váltás most' })
    await form.getByLabel('Félév azonosítója').fill(semester)
    await form.getByLabel('Időszak').selectOption(period)
    await form.getByRole('button', { name: 'Váltás most' }).click()
    await expect(page.getByText(/^Átváltottunk: /)).toBeVisible()
  } finally {
    await context.close()
  }
}

export async function addPrinciple(page: Page, name: string, category: string, max: number) {
  const form = page.getByRole('form', { name: 'Új pontozási elv' })
  await form.getByLabel('Az elv neve').fill(name)
  await form.getByLabel('Kategória').selectOption({ label: category })
  await form.getByLabel('Legfeljebb ennyi pont').fill(String(max))
  await form.getByRole('button', { name: 'Hozzáadás' }).click()
  await expect(page.getByText(`Hozzáadtuk az elvet: ${name}.`)).toBeVisible()
  await expect(page.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeVisible()
}

export async function deletePrinciple(page: Page, name: string) {
  await page.getByRole('button', { name: `Törlés: ${name}` }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Törlés', exact: true }).click()
  await expect(page.getByText(`Töröltük az elvet: ${name}.`)).toBeVisible()
}

/**
 * A reviewer's judgement on the evaluation page: new statuses of the point and/or the entry request
 * (by their Hungarian names, e.g. 'elfogadva') and the explanation.
 */
export async function judge(
  page: Page,
  statuses: { points?: string; entries?: string },
  explanation: string,
) {
  const form = page.getByRole('form', { name: 'Bírálat' })
  if (statuses.points)
    await form.getByLabel('Pontkérelem új állapota').selectOption({ label: statuses.points })
  if (statuses.entries)
    await form.getByLabel('Belépőkérelem új állapota').selectOption({ label: statuses.entries })
  await form.getByLabel('Indoklás').fill(explanation)
  await form.getByRole('button', { name: 'Bírálat mentése' }).click()
}

/** A reviewer on the evaluation page puts the point or entry request back to "not submitted", if it is not. */
export async function reopenRequest(page: Page, request: 'points' | 'entries') {
  const status = page.getByTestId(`${request}-status`)
  if ((await status.textContent()) === 'nincs leadva') return
  await judge(page, { [request]: 'nincs leadva' }, 'A teszt visszaállítja.')
  await expect(status).toHaveText('nincs leadva')
}

/** Back to the top before a full-page snap: scrolled down, the capture paints the sticky nav mid-page. */
export async function scrollToTop(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0))
}
