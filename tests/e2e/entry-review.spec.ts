// The colored entry card review (issue 6, ADR 0016) across a semester. In SUBMISSION Nagy Bence gives
// a Kir-Dev member a KB card: the entry request is refused without a justification, then submitted
// with one. In REVIEW Szabó Csilla, the resort leader, finds the card in her resort's list and
// recommends ÁB instead (she has no final decision); Tóth Dániel, the RVT leader, sees her
// recommendation, sets the final type ÁB with his own justification and marks it final — the counts
// per type move from KB to ÁB — and accepts the entry request. After the switch to QUIET the accepted
// colored cards CSV has the member's row with the final card, and the group's history shows it.
// The hub is then put back as the other specs expect it (the decision reopened as KDO, the request
// reopened, the card KDO again, QUIET) — also when the test fails.

import { readFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { judge, reopenRequest, scrollToTop, switchPeriod } from './evaluation-pages'
import { DEMO, expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { open } from './policy-pages'

const DANIEL = 'demo-daniel'
const EVALUATION = `/groups/${KIR_DEV_ID}/evaluation`
const ENTRY_CARDS = '/reviews/entry-cards'

const typeTabs = (page: Page) => page.getByRole('navigation', { name: 'Belépőtípusok' })
const cardOf = (page: Page, member: string) => page.getByRole('article', { name: `${member} – Kir-Dev` })
const memberRow = (page: Page, member: string) => page.getByTestId('point-row').filter({ hasText: member })

/** The number a type's tab shows, e.g. 3 for "KB (3)". */
async function countOf(page: Page, type: 'KB' | 'ÁB'): Promise<number> {
  const tab = typeTabs(page).getByRole('link', { name: new RegExp(`^${type} \\(\\d+\\)$`) })
  const text = (await tab.textContent()) ?? ''
  return Number(/\((\d+)\)/.exec(text)?.[1])
}

/** The leader sets a member's entry card in the point table and waits for it to be saved. */
async function setCard(page: Page, member: string, type: 'KDO' | 'KB') {
  const row = memberRow(page, member)
  await row.getByLabel(`${member} – belépő`, { exact: true }).selectOption(type)
  await expect(row.getByText('Mentés…')).toHaveCount(0)
  await expect(row.getByTitle('Mentve')).toBeVisible()
}

test('a colored entry card: the leader proposes KB, the resort leader recommends ÁB, the RVT leader decides and accepts, the export has it', async ({
  page,
  browser,
  snap,
}) => {
  test.setTimeout(300_000)
  const tag = Date.now().toString(36)
  const justification = `Ő szervezte a gólyatábort (${tag})`
  const note = `Inkább ÁB, egész évben dolgozott (${tag})`
  const finalJustification = `Kiemelkedő egész éves munka (${tag})`
  let member: string | undefined
  await switchPeriod(browser, 'SUBMISSION')
  try {
    await loginAs(page, DEMO.bence.subject)
    await open(page, EVALUATION)
    // A member of Kir-Dev other than the demo accounts the other specs score.
    member = ((await page.getByTestId('point-row').nth(1).getByRole('rowheader').textContent()) ?? '').trim()
    expect(member).not.toBe('')
    expect([DEMO.anna.name, DEMO.bence.name]).not.toContain(member)
    await setCard(page, member, 'KB')
    const row = memberRow(page, member)
    await expect(row).toContainText('KB-hez és ÁB-hez indoklás kell.')
    // The server refuses the entry request while a KB card has no justification, and names the member.
    await page.getByRole('button', { name: 'Belépőkérelem leadása' }).click()
    await expect(
      page.getByRole('alert').filter({ hasText: 'Indoklás nélküli KB vagy ÁB belépő' }),
    ).toHaveText(`Indoklás nélküli KB vagy ÁB belépő: ${member}.`)
    await expect(page.getByTestId('entries-status')).toHaveText('nincs leadva')
    const text = row.getByLabel(`${member} – belépő indoklása`)
    await text.fill(justification)
    await text.blur()
    await expect(row.getByText('Mentés…')).toHaveCount(0)
    await expect(row.getByTitle('Mentve')).toBeVisible()
    await expect(row).not.toContainText('KB-hez és ÁB-hez indoklás kell.')
    await page.getByRole('button', { name: 'Belépőkérelem leadása' }).click()
    await expect(page.getByTestId('entries-status')).toHaveText('bírálatra vár')

    await switchPeriod(browser, 'REVIEW')
    // The resort leader: her resort's cards, a recommendation, and no final decision.
    await loginAs(page, DEMO.csilla.subject)
    await open(page, '/reviews')
    await page.getByRole('link', { name: 'Színes belépők bírálata' }).click()
    await expect(page).toHaveURL(/\/reviews\/entry-cards/)
    const resortKb = await countOf(page, 'KB')
    expect(resortKb).toBeGreaterThanOrEqual(1)
    let card = cardOf(page, member)
    await expect(card).toContainText('Belépőkérelem: bírálatra vár')
    await expect(card).toContainText(`KB – ${justification}`)
    await expect(card).not.toContainText(note)
    await expect(card.getByTestId('card-decision')).toHaveText('Még nincs végleges döntés.')
    await expect(card.getByRole('form', { name: `Döntés: ${member}` })).toHaveCount(0)
    const recommend = card.getByRole('form', { name: `Javaslatom: ${member}` })
    await recommend.getByLabel('Javasolt típus').selectOption({ label: 'ÁB' })
    await recommend.getByLabel('Megjegyzés').fill(note)
    await recommend.getByRole('button', { name: 'Javaslat mentése' }).click()
    await expect(page.getByText(`Elmentettük a javaslatot: ${member}.`)).toBeVisible()
    await expect(card).toContainText(`${DEMO.csilla.name}: ÁB – ${note}`)
    // A recommendation is advice: the card still counts as the group proposed it.
    await expect(typeTabs(page).getByRole('link', { name: `KB (${resortKb})` })).toBeVisible()
    await scrollToTop(page)
    await snap('entry-review-01-recommended')

    // The RVT leader: every group's cards, her recommendation, his final decision.
    await loginAs(page, DANIEL)
    await open(page, ENTRY_CARDS)
    const kb = await countOf(page, 'KB')
    const ab = await countOf(page, 'ÁB')
    card = cardOf(page, member)
    await expect(card).toContainText(`${DEMO.csilla.name}: ÁB – ${note}`)
    const decide = card.getByRole('form', { name: `Döntés: ${member}` })
    await decide.getByLabel('Végleges típus').selectOption({ label: 'ÁB' })
    await decide.getByRole('checkbox', { name: 'Végleges' }).check()
    // A final ÁB needs a justification: refused in the browser.
    await decide.getByLabel('Végleges indoklás').fill('')
    await decide.getByRole('button', { name: 'Döntés mentése' }).click()
    await expect(decide.getByText('Végleges KB-hez és ÁB-hez indoklás kell.')).toBeVisible()
    await decide.getByLabel('Végleges indoklás').fill(finalJustification)
    await decide.getByRole('button', { name: 'Döntés mentése' }).click()
    await expect(page.getByText(`Elmentettük a döntést: ${member}.`)).toBeVisible()
    await expect(card.getByTestId('card-decision')).toHaveText(`ÁB – ${finalJustification}`)
    // The final type counts: one KB fewer, one ÁB more; the ÁB tab lists the card, the KB tab not.
    await expect(typeTabs(page).getByRole('link', { name: `KB (${kb - 1})` })).toBeVisible()
    await expect(typeTabs(page).getByRole('link', { name: `ÁB (${ab + 1})` })).toBeVisible()
    await typeTabs(page)
      .getByRole('link', { name: `ÁB (${ab + 1})` })
      .click()
    await expect(page).toHaveURL(/type=AB/)
    await expect(cardOf(page, member)).toBeVisible()
    await scrollToTop(page)
    await snap('entry-review-02-final')
    await typeTabs(page)
      .getByRole('link', { name: `KB (${kb - 1})` })
      .click()
    await expect(page).toHaveURL(/type=KB/)
    await expect(cardOf(page, member)).toHaveCount(0)

    await open(page, EVALUATION)
    await judge(page, { entries: 'elfogadva' }, `Belépők rendben (${tag})`)
    await expect(page.getByTestId('entries-status')).toHaveText('elfogadva')
    await expect(
      page
        .getByTestId('evaluation-messages')
        .getByRole('listitem')
        .filter({ hasText: `Belépők rendben (${tag})` }),
    ).toContainText('entry request: PENDING → ACCEPTED')

    // The quiet period: the accepted colored cards export has the final card.
    await switchPeriod(browser, 'QUIET')
    await open(page, '/admin/semester')
    const downloading = page.waitForEvent('download')
    await page
      .getByRole('region', { name: 'Exportok (CSV)' })
      .getByRole('button', { name: 'Elfogadott színes belépők', exact: true })
      .click()
    const bytes = await readFile(await (await downloading).path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = bytes.subarray(3).toString('utf8').split('\r\n')
    expect(header).toBe('Név;E-mail;Kör;Típus;Indoklás')
    const fields = rows.find((line) => line.startsWith(`${member};`))?.split(';')
    expect(fields?.slice(2)).toEqual(['Kir-Dev', 'ÁB', finalJustification])

    // The group's history keeps the accepted card.
    await loginAs(page, DEMO.bence.subject)
    await open(page, `/groups/${KIR_DEV_ID}/history`)
    const historyRow = page.getByRole('row').filter({ hasText: member })
    await expect(historyRow).toContainText('ÁB')
    await expect(historyRow).toContainText(finalJustification)
  } finally {
    try {
      if (member) await restore(browser, page, member)
    } finally {
      await switchPeriod(browser, 'QUIET')
    }
  }
})

/** Back as the other specs expect it: no final decision, the entry request reopened, a KDO card. */
async function restore(browser: Browser, page: Page, member: string) {
  await switchPeriod(browser, 'REVIEW')
  await loginAs(page, DANIEL)
  await open(page, ENTRY_CARDS)
  const card = cardOf(page, member)
  // The council's decision may be changed while the request is pending or accepted: KDO, not final,
  // so the card leaves the colored lists once the group makes it KDO again.
  if (await card.getByText(/^Belépőkérelem: (bírálatra vár|elfogadva)$/).count()) {
    const decide = card.getByRole('form', { name: `Döntés: ${member}` })
    await decide.getByLabel('Végleges típus').selectOption({ label: 'KDO' })
    await decide.getByRole('checkbox', { name: 'Végleges' }).uncheck()
    await decide.getByRole('button', { name: 'Döntés mentése' }).click()
    await expect(page.getByText(`Elmentettük a döntést: ${member}.`)).toBeVisible()
  }
  await open(page, EVALUATION)
  await reopenRequest(page, 'entries')
  await switchPeriod(browser, 'SUBMISSION')
  await loginAs(page, DEMO.bence.subject)
  await open(page, EVALUATION)
  if (
    (await memberRow(page, member).getByLabel(`${member} – belépő`, { exact: true }).inputValue()) !== 'KDO'
  )
    await setCard(page, member, 'KDO')
}
