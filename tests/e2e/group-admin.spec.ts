// The group and membership screens (issue 5): a student applies and withdraws; the leader of
// Kir-Dev (Nagy Bence) finds an applicant on the Applicants tab, accepts them, makes them former and
// reactivates them, reads the membership's history, and a second, stale tab of his is told that the
// application changed meanwhile; he edits the group's data (a bad webpage is refused under its
// field); a student is told clearly that she may not create a top-level group. Screenshots of the
// member admin screens on a desktop and a phone.
//
// Every test leaves the memberships it touches where a new application is possible again
// (withdrawn, archived), so the file passes again against a reused server.
import type { Page } from '@playwright/test'
import { DEMO, expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { open } from './policy-pages'

/** A resort leader, but no member of Kir-Dev: here simply a student who applies. */
const CSILLA = { subject: 'demo-csilla', name: 'Szabó Csilla' }
/** A circle Kovács Anna is no member of (tests/factories/demo-dataset.ts), never archived. */
const OTHER_CIRCLE_ID = KIR_DEV_ID + 3

const myMembership = (page: Page) => page.getByRole('region', { name: 'Tagságod' })
const memberTabs = (page: Page) => page.getByRole('navigation', { name: 'Taglisták' })
const rowOf = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: name })

async function apply(page: Page) {
  await myMembership(page).getByRole('button', { name: 'Jelentkezés', exact: true }).click()
  await expect(page.getByText('Elküldtük a jelentkezésed.', { exact: false })).toBeVisible()
  await expect(myMembership(page)).toContainText('A jelentkezésed elbírálásra vár')
}

/** Clicks a row's destructive action and confirms it in the dialog. */
async function confirmAction(page: Page, row: ReturnType<typeof rowOf>, action: string) {
  await row.getByRole('button', { name: action }).click()
  const dialog = page.getByRole('dialog', { name: 'Megerősítés' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: action }).click()
  await expect(dialog).toBeHidden()
}

test('a student applies to a group and withdraws the application', async ({ page, snap }) => {
  await loginAs(page, DEMO.anna.subject)
  await open(page, `/groups/${OTHER_CIRCLE_ID}`)
  // No applicants tab for someone who does not manage the members.
  await expect(memberTabs(page).getByRole('link', { name: 'Aktív tagok' })).toBeVisible()
  await expect(memberTabs(page).getByRole('link', { name: 'Jelentkezők' })).toHaveCount(0)

  await apply(page)
  await snap('group-admin-01-applied')

  const mine = myMembership(page)
  await mine.getByRole('button', { name: 'Jelentkezés visszavonása' }).click()
  const dialog = page.getByRole('dialog', { name: 'Megerősítés' })
  await expect(dialog).toContainText('Biztosan visszavonod a jelentkezésed')
  await dialog.getByRole('button', { name: 'Jelentkezés visszavonása' }).click()
  await expect(page.getByText('Visszavontuk a jelentkezésed.')).toBeVisible()
  await expect(mine).toContainText('A korábbi jelentkezésedet visszavontad.')
  // A withdrawn application may be sent again.
  await expect(mine.getByRole('button', { name: 'Jelentkezés', exact: true })).toBeVisible()
})

test('the leader accepts an applicant, makes them former and reactivates them', async ({
  page,
  browser,
  snap,
}) => {
  const csilla = await (await browser.newContext()).newPage()
  await loginAs(csilla, CSILLA.subject)
  await open(csilla, `/groups/${KIR_DEV_ID}`)
  await apply(csilla)

  await loginAs(page, DEMO.bence.subject)
  await open(page, `/groups/${KIR_DEV_ID}`)
  await memberTabs(page).getByRole('link', { name: 'Jelentkezők' }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}?tab=pending`)
  await expect(memberTabs(page).getByRole('link', { name: 'Jelentkezők' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  const applicant = rowOf(page, 'Jelentkezők', CSILLA.name)
  await expect(applicant).toBeVisible()
  // Only what the state machine allows from PENDING.
  await expect(applicant.getByRole('button', { name: 'Elfogadás' })).toBeVisible()
  await expect(applicant.getByRole('button', { name: 'Elutasítás' })).toBeVisible()
  await expect(applicant.getByRole('button', { name: 'Öregtaggá tétel' })).toHaveCount(0)
  await snap('group-admin-02-applicants')

  // A second tab of the leader's, loaded before the decision, is about to reject the same applicant.
  const stale = await page.context().newPage()
  await open(stale, `/groups/${KIR_DEV_ID}?tab=pending`)
  await expect(rowOf(stale, 'Jelentkezők', CSILLA.name)).toBeVisible()

  await applicant.getByRole('button', { name: 'Elfogadás' }).click()
  await expect(page.getByText(`Elfogadtuk ${CSILLA.name} jelentkezését: mostantól újonc.`)).toBeVisible()
  await expect(applicant).toHaveCount(0)

  await confirmAction(stale, rowOf(stale, 'Jelentkezők', CSILLA.name), 'Elutasítás')
  await expect(
    stale.getByText('Közben valaki más már módosította ezt a tagságot, most ez az állapota: Újonc.', {
      exact: false,
    }),
  ).toBeVisible()
  // The stale list is refreshed: the applicant is no longer there.
  await expect(rowOf(stale, 'Jelentkezők', CSILLA.name)).toHaveCount(0)
  await snap('group-admin-03-conflict', { page: stale, fullPage: false })
  await stale.close()

  await memberTabs(page).getByRole('link', { name: 'Aktív tagok' }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)
  const newbie = rowOf(page, 'Aktív tagok', CSILLA.name)
  await expect(newbie).toContainText('Újonc')
  await expect(newbie.getByRole('link', { name: CSILLA.name })).toHaveAttribute('href', /^\/u\//)
  await confirmAction(page, newbie, 'Öregtaggá tétel')
  await expect(page.getByText(`${CSILLA.name} mostantól öregtag.`).last()).toBeVisible()
  await expect(newbie).toHaveCount(0)

  await memberTabs(page).getByRole('link', { name: 'Öregtagok' }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}?tab=former`)
  const former = rowOf(page, 'Öregtagok', CSILLA.name)
  await expect(former.getByRole('button', { name: 'Archiválás', exact: true })).toBeVisible()
  await snap('group-admin-04-former')
  await former.getByRole('button', { name: 'Újraaktiválás' }).click()
  await expect(page.getByText(`${CSILLA.name} újra aktív tag.`)).toBeVisible()
  await expect(former).toHaveCount(0)

  await memberTabs(page).getByRole('link', { name: 'Aktív tagok' }).click()
  const active = rowOf(page, 'Aktív tagok', CSILLA.name)
  await expect(active).not.toContainText('Újonc')
  await active.getByRole('button', { name: 'Előzmények' }).click()
  const history = page.getByRole('dialog', { name: `${CSILLA.name} tagságának előzményei` })
  const events = history.getByRole('row')
  // Header + applied, accepted, made former, reactivated (at least: a rerun adds more before).
  await expect(events.last()).toContainText('Aktív')
  await expect(events.last()).toContainText(DEMO.bence.name)
  await expect(history.getByRole('row').filter({ hasText: 'Jelentkező' }).last()).toContainText(CSILLA.name)
  await expect(history.getByRole('row').filter({ hasText: 'Újonc' }).last()).toContainText(DEMO.bence.name)
  await snap('group-admin-05-history', { fullPage: false })
  await history.getByRole('button', { name: 'Bezárás' }).click()
  await expect(history).toBeHidden()
  // Focus returns to the button that opened the dialog.
  await expect(active.getByRole('button', { name: 'Előzmények' })).toBeFocused()
  await snap('group-admin-06-active-desktop')

  // The same screens on a phone: rows become cards, nothing is wider than the screen.
  await page.setViewportSize({ width: 375, height: 812 })
  await expect(active).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await snap('group-admin-07-active-phone')
  await memberTabs(page).getByRole('link', { name: 'Jelentkezők' }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}?tab=pending`)
  await expect(page.getByRole('table', { name: 'Jelentkezők' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await snap('group-admin-08-applicants-phone')
  await page.setViewportSize({ width: 1280, height: 720 })

  // Leave Csilla where she may apply again: former, then archived.
  await memberTabs(page).getByRole('link', { name: 'Aktív tagok' }).click()
  await confirmAction(page, rowOf(page, 'Aktív tagok', CSILLA.name), 'Öregtaggá tétel')
  await expect(page.getByText(`${CSILLA.name} mostantól öregtag.`).last()).toBeVisible()
  await memberTabs(page).getByRole('link', { name: 'Öregtagok' }).click()
  await confirmAction(page, rowOf(page, 'Öregtagok', CSILLA.name), 'Archiválás')
  await expect(page.getByText(`Archiváltuk ${CSILLA.name} tagságát.`)).toBeVisible()

  await open(csilla, `/groups/${KIR_DEV_ID}`)
  await expect(myMembership(csilla)).toContainText('Korábban tagja voltál, a tagságodat archiválták.')
  await csilla.context().close()
})

test('the leader edits the group data; an invalid webpage is refused under its field', async ({
  page,
  snap,
}) => {
  const description = `Kir-Dev – fejlesztők a kollégiumért (${Date.now()})`
  await loginAs(page, DEMO.bence.subject)
  await open(page, `/groups/${KIR_DEV_ID}`)
  await page.getByRole('link', { name: 'Adatok szerkesztése' }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}/edit`)
  await expect(page.getByRole('heading', { level: 1, name: 'A kör adatainak szerkesztése' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Kir-Dev' })

  const webpage = form.getByLabel('Weboldal')
  await webpage.fill('nem egy webcím')
  await form.getByRole('button', { name: 'Mentés' }).click()
  await expect(form.getByText('Teljes webcímet adj meg http:// vagy https:// előtaggal.')).toBeVisible()
  await expect(webpage).toHaveAttribute('aria-invalid', 'true')
  await expect(webpage).toBeFocused()
  await snap('group-admin-09-edit-invalid')

  await webpage.fill('https://kir-dev.hu')
  await form.getByLabel('Rövid leírás').fill(description)
  await form.getByRole('button', { name: 'Mentés' }).click()
  await expect(page.getByText('Elmentettük a kör adatait.')).toBeVisible()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)
  await expect(page.getByRole('main').getByText(description)).toBeVisible()
  await expect(page.getByRole('link', { name: 'https://kir-dev.hu' })).toBeVisible()
  await snap('group-admin-10-edited')
})

test('a student may not create a top-level group, and is told so', async ({ page, snap }) => {
  await loginAs(page, DEMO.anna.subject)
  await open(page, `/groups/${KIR_DEV_ID}/edit`)
  await expect(page.getByRole('alert')).toContainText('A kör adatait csak a kör vezetői szerkeszthetik.')

  await open(page, '/groups/new')
  const form = page.getByRole('form', { name: 'Új legfelső szintű kör' })
  await form.getByRole('textbox', { name: 'Név', exact: true }).fill('E2E próbakör')
  await form.getByRole('button', { name: 'Kör létrehozása' }).click()
  await expect(form.getByRole('alert')).toContainText('Legfelső szintű kört csak az arra jogosultak')
  await snap('group-admin-11-toplevel-forbidden')
})
