// Accepted results and the council's exports (issue 6, ADR 0016). Tóth Dániel, the RVT leader, sees
// the three CSV exports in the quiet period the hub is seeded in and downloads the active users: the
// file keeps the server's name and starts with the UTF-8 BOM and the Hungarian header row. A student
// sees her own points section (empty: the seed has no accepted evaluation) and another student does
// not see it; Kir-Dev's leader opens the group's history from the group page (empty as well).
import { readFile } from 'node:fs/promises'
import { DEMO, expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { open } from './policy-pages'

/** The RVT leader (semester:admin through the RVT-elnök policy). */
const DANIEL = { subject: 'demo-daniel', name: 'Tóth Dániel' }
/** Kovács Anna, seeded as user 1 (tests/factories/demo-dataset.ts). */
const ANNA_PROFILE = '/u/anna1'
/** The hub's seeded semester, as the export names its files. */
const ACTIVE_USERS_FILE = 'pek-aktiv-felhasznalok-2026-2027-1.csv'

test('the RVT leader downloads the active users CSV in the quiet period', async ({ page, snap }) => {
  await loginAs(page, DANIEL.subject)
  await open(page, '/admin/semester')
  const exports = page.getByRole('region', { name: 'Exportok (CSV)' })
  await expect(exports).toBeVisible()
  await expect(exports.getByRole('button', { name: 'Közösségi pontok', exact: true })).toBeEnabled()
  await expect(exports.getByRole('button', { name: 'Elfogadott színes belépők', exact: true })).toBeEnabled()

  const downloading = page.waitForEvent('download')
  await exports.getByRole('button', { name: 'Aktív felhasználók', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(ACTIVE_USERS_FILE)
  const bytes = await readFile(await download.path())
  // The BOM Hungarian Excel needs to read the file as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [header] = bytes.subarray(3).toString('utf8').split('\r\n')
  expect(header).toBe('Azonosító;Név;Becenév;Neptun;E-mail;Körök')
  await expect(page.getByText(`Letöltve: ${ACTIVE_USERS_FILE}`)).toBeVisible()
  await snap('history-exports-01-exports')
})

test('a student sees her own points section; another student does not', async ({ page, browser, snap }) => {
  await loginAs(page, DEMO.anna.subject)
  await open(page, ANNA_PROFILE)
  const points = page.getByRole('region', { name: 'Pontok és belépők' })
  await expect(points).toBeVisible()
  await expect(points).toContainText('Még nincs elfogadott pontod vagy belépőd.')
  await page.setViewportSize({ width: 390, height: 844 })
  await snap('history-exports-02-profile-phone')

  const other = await browser.newContext()
  const bence = await other.newPage()
  await loginAs(bence, DEMO.bence.subject)
  await open(bence, ANNA_PROFILE)
  await expect(bence.getByRole('heading', { level: 1, name: DEMO.anna.name })).toBeVisible()
  await expect(bence.getByRole('region', { name: 'Pontok és belépők' })).toHaveCount(0)
  await other.close()
})

test("Kir-Dev's leader opens the group's history from the group page", async ({ page, snap }) => {
  await loginAs(page, DEMO.bence.subject)
  await open(page, `/groups/${KIR_DEV_ID}`)
  await page.getByRole('link', { name: 'Korábbi félévek pontjai és belépői' }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}/history`)
  await expect(page.getByRole('heading', { level: 1, name: /: korábbi félévek$/ })).toBeVisible()
  await expect(page.getByText('A körnek még nincs elfogadott értékelése.')).toBeVisible()
  await snap('history-exports-03-group-history')
})
