// Accepted results and the council's exports (issue 6, ADR 0016). Tóth Dániel, the RVT leader, sees
// the three CSV exports in the quiet period the hub is seeded in and downloads the active users: the
// file keeps the server's name and starts with the UTF-8 BOM and the Hungarian header row. A student
// sees her own points section — the demo dataset's past semesters: Kir-Dev's points and a KB card,
// and the semester she spent abroad — and another student does not see it; Kir-Dev's leader opens
// the group's history from the group page and steps back to an older semester.
import { readFile } from 'node:fs/promises'
import { DEMO, expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { open } from './policy-pages'

/** The RVT leader (semester:admin through the RVT-elnök policy). */
const DANIEL = { subject: 'demo-daniel', name: 'Tóth Dániel' }
/** Kovács Anna, seeded as user 1 (tests/factories/demo-dataset.ts). */
const ANNA_PROFILE = '/u/anna1'
/** The hub's seeded semester, as the export names its files. */
const ACTIVE_USERS_FILE = 'pek-aktiv-felhasznalok-2026-2027-1.csv'
/** Semesters before the hub's 2026-2027/1 with accepted evaluations in the demo dataset. */
const LAST_SPRING = '2025/26 tavasz'
const LAST_AUTUMN = '2025/26 ősz'
const OLDEST = '2024/25 ősz'

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
  const semester = (name: string) =>
    points.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) })
  // Newest first: the spring she spent abroad (community points carried over), then Kir-Dev's KB card.
  await expect(points.getByRole('heading', { level: 3 }).first()).toHaveText(LAST_SPRING)
  await expect(semester(LAST_SPRING)).toContainText('Ebben a félévben nincs elfogadott pont vagy belépő.')
  await expect(semester(LAST_SPRING)).toContainText(/Közösségi pont: \d+/)
  const autumn = semester(LAST_AUTUMN)
  await expect(autumn.getByRole('link', { name: 'Kir-Dev', exact: true })).toBeVisible()
  await expect(autumn).toContainText(/\d+ pont/)
  await expect(autumn).toContainText('Belépő: KB')
  await expect(autumn).toContainText('Ő tartotta a Kir-Dev webfejlesztő tanfolyamát')
  await expect(semester(OLDEST)).toContainText('Kir-Dev')
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
  // The newest accepted semester first, its members with their points and cards.
  const picker = page.getByRole('form', { name: 'Félév' })
  await expect(picker.getByLabel('Félév')).toHaveValue('2025-2026/2')
  await expect(picker.getByRole('option')).toHaveText([LAST_SPRING, LAST_AUTUMN, '2024/25 tavasz', OLDEST])
  const members = page.getByRole('table', { name: `${LAST_SPRING}: a tagok pontjai és belépői` })
  await expect(members.getByRole('row').filter({ hasText: DEMO.bence.name })).toContainText(/\d+ pont/)
  expect(await members.getByRole('row').count()).toBeGreaterThan(10)
  await snap('history-exports-03-group-history')

  await picker.getByLabel('Félév').selectOption({ label: LAST_AUTUMN })
  await picker.getByRole('button', { name: 'Megjelenítés' }).click()
  await expect(page).toHaveURL(/semester=2025-2026(%2F|\/)1/)
  const autumn = page.getByRole('table', { name: `${LAST_AUTUMN}: a tagok pontjai és belépői` })
  const anna = autumn.getByRole('row').filter({ hasText: DEMO.anna.name })
  await expect(anna).toContainText('KB')
  await expect(anna).toContainText('Ő tartotta a Kir-Dev webfejlesztő tanfolyamát')
})
