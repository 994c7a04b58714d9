// Posts and notifications (issue 5). Nagy Bence, who leads Kir-Dev, creates a post type of the
// group's own and gives it to Kovács Anna in the grid; a second financial officer and moving the
// leader post by a tick are refused beside the cell. He makes Anna a former member on the group page,
// and Anna finds the unread notification behind the bell. Finally he hands leadership over to her
// and she hands it back. The steps leave Kir-Dev as they found it, but for the new post type.
import type { Locator, Page } from '@playwright/test'
import { DEMO, expect, KIR_DEV_ID, loginAs, test, waitForHydration } from './fixtures'

const POSTS = `/groups/${KIR_DEV_ID}/posts`
// Unique per run: the end-to-end database may outlive one run (a reused server). At most 30 characters.
const CUSTOM = `Rendszergazda ${Date.now().toString(36)}`
const PHONE = { width: 375, height: 812 }

// Each step builds on the state the previous one left (one seeded database, one worker).
test.describe.configure({ mode: 'serial' })

async function open(page: Page, path: string) {
  await page.goto(path)
  await waitForHydration(page)
}

/** A grid cell's checkbox, named "member – post" as a screen reader hears it. */
const cell = (page: Page, member: string, post: string): Locator =>
  page.getByRole('checkbox', { name: `${member} – ${post}`, exact: true })

/** Opens the group page as its leader and makes the member former (the other engineer's roster actions). */
async function makeFormer(page: Page, member: string) {
  await open(page, `/groups/${KIR_DEV_ID}`)
  await page
    .getByRole('group', { name: `${member} műveletei` })
    .getByRole('button', { name: 'Öregtaggá tétel' })
    .click()
  await page.getByRole('dialog').getByRole('button', { name: 'Öregtaggá tétel' }).click()
  await expect(page.getByText(`${member} mostantól öregtag.`)).toBeVisible()
}

async function reactivate(page: Page, member: string) {
  await open(page, `/groups/${KIR_DEV_ID}?tab=former`)
  await page
    .getByRole('group', { name: `${member} műveletei` })
    .getByRole('button', { name: 'Újraaktiválás' })
    .click()
  await expect(page.getByText(`${member} újra aktív tag.`)).toBeVisible()
}

test('the leader manages post types and gives posts in the grid; refusals show beside the cell', async ({
  page,
  snap,
}) => {
  await loginAs(page, DEMO.bence.subject)
  await open(page, POSTS)
  await expect(page.getByRole('heading', { level: 1, name: 'Kir-Dev: posztok' })).toBeVisible()

  await test.step('a post type of the group: the counter, a taken name, then created', async () => {
    const name = page.getByRole('textbox', { name: 'Az új poszt neve' })
    // Shared names count too, whatever the case.
    await name.fill('GAZDASÁGIS')
    await expect(page.getByText('10/30 karakter')).toBeVisible()
    await page.getByRole('button', { name: 'Létrehozás' }).click()
    await expect(page.getByText('Ilyen nevű poszt már van ebben a körben')).toBeVisible()
    await expect(name).toHaveAttribute('aria-invalid', 'true')

    await name.fill(CUSTOM)
    await page.getByRole('button', { name: 'Létrehozás' }).click()
    await expect(page.getByText(`Létrehoztuk a posztot: ${CUSTOM}.`)).toBeVisible()
    await expect(name).toHaveValue('')
    await expect(page.getByRole('columnheader', { name: CUSTOM })).toBeVisible()
  })

  await test.step('ticking a cell saves it at once', async () => {
    const box = cell(page, DEMO.anna.name, CUSTOM)
    await box.check()
    await expect(box).toHaveAccessibleDescription('Mentve')
    await expect(box).toBeChecked()
    // The server kept it: a reload shows it ticked, and the post type counts its holder.
    await page.reload()
    await waitForHydration(page)
    await expect(cell(page, DEMO.anna.name, CUSTOM)).toBeChecked()
    await expect(page.getByRole('listitem').filter({ hasText: CUSTOM })).toContainText('Viseli: 1 tag')
  })

  await test.step('a post type in use cannot be deleted', async () => {
    // The visible word and the hidden post name (browsers may put a space before the colon).
    await page.getByRole('button', { name: new RegExp(`^Törlés ?: ${CUSTOM}$`) }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Törlés' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'még viseli valaki' })).toBeVisible()
  })

  await test.step('a second financial officer is refused and the box goes back', async () => {
    const officers = page.getByRole('checkbox', { name: /– Gazdaságis$/ })
    // The seed gives Kir-Dev a financial officer or not: make sure there is one (Anna).
    if ((await officers.and(page.locator(':checked')).count()) === 0) {
      const anna = cell(page, DEMO.anna.name, 'Gazdaságis')
      await anna.check()
      await expect(anna).toHaveAccessibleDescription('Mentve')
    }
    // A stable handle on the first unticked one (".first()" of the unticked would move when it ticks).
    const index = await officers.evaluateAll((boxes) =>
      boxes.findIndex((box) => !(box as HTMLInputElement).checked),
    )
    expect(index).toBeGreaterThanOrEqual(0)
    const second = officers.nth(index)
    await second.click()
    await expect(second).toHaveAccessibleDescription(/A körnek már van gazdaságisa/)
    await expect(second).not.toBeChecked()
    // Beside the cell, in words.
    await expect(second.locator('xpath=ancestor::td')).toContainText(
      'A körnek már van gazdaságisa: előbb vedd el tőle ezt a posztot.',
    )
  })

  await test.step('the leader post does not move by a tick', async () => {
    const leader = cell(page, DEMO.bence.name, 'Körvezető')
    await expect(leader).toBeChecked()
    await leader.click()
    await expect(leader).toHaveAccessibleDescription(/csak a vezetés átadásával/)
    await expect(leader).toBeChecked()
    await snap('posts-grid-desktop')
  })

  await test.step('on a phone the grid scrolls inside its card and the names stay', async () => {
    await page.setViewportSize(PHONE)
    await page.reload()
    await waitForHydration(page)
    const region = page.getByRole('region', { name: 'Posztok kiosztása' })
    const width = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(width.scroll).toBeGreaterThan(width.client)
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
    // Scrolled to the far right, the name column still sits at the region's left edge.
    const name = await region.getByRole('rowheader', { name: DEMO.anna.name, exact: true }).boundingBox()
    const edge = await region.boundingBox()
    expect(Math.abs((name?.x ?? -100) - (edge?.x ?? 0))).toBeLessThanOrEqual(2)
    // The picture: the top of the grid, scrolled part of the way, names still in place.
    await region.evaluate((el) => {
      el.scrollLeft = 150
      window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 150 })
    })
    await snap('posts-grid-phone', { fullPage: false })
  })
})

test('a member made former finds the unread notification behind the bell and reads it', async ({
  page,
  browser,
  snap,
}) => {
  const bence = await (await browser.newContext()).newPage()
  await loginAs(bence, DEMO.bence.subject)
  await makeFormer(bence, DEMO.anna.name)

  await loginAs(page, DEMO.anna.subject)
  await page.setViewportSize(PHONE)
  await open(page, '/')
  const bell = page.getByRole('link', { name: /^\d+ olvasatlan értesítés$/ })
  await expect(bell).toBeVisible()
  const before = Number((await bell.getAttribute('aria-label'))?.split(' ')[0])
  expect(before).toBeGreaterThanOrEqual(1)
  await bell.click()

  await expect(page).toHaveURL('/notifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Értesítések' })).toBeVisible()
  const item = page.getByRole('link', { name: 'Olvasatlan: Öregtag lettél ebben a körben: Kir-Dev' }).first()
  await expect(item).toBeVisible()
  await snap('notifications-phone', { fullPage: false })

  // Following it marks it read and leads to the group; the bell counts one less.
  await item.click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)
  const after = before - 1
  await expect(
    page.getByRole('link', {
      name:
        after === 0
          ? 'Értesítések'
          : after === 1
            ? '1 olvasatlan értesítés'
            : `${after} olvasatlan értesítés`,
      exact: true,
    }),
  ).toBeVisible()

  await open(page, '/notifications')
  await expect(
    page.getByRole('link', { name: 'Öregtag lettél ebben a körben: Kir-Dev' }).first(),
  ).toBeVisible()
  if (after > 0) {
    await page.getByRole('button', { name: 'Mind olvasott' }).click()
    await expect(page.getByText('Minden értesítést olvasottnak jelöltünk.')).toBeVisible()
  }
  await expect(page.getByText('Minden értesítésedet elolvastad.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Értesítések', exact: true })).toBeVisible()

  // Anna serves again for the hand-over below.
  await reactivate(bence, DEMO.anna.name)
  await bence.context().close()

  // A plain member may not manage posts: the server's refusal, said in words.
  await open(page, POSTS)
  await expect(page.getByRole('alert')).toContainText('A kör posztjait csak a körvezető')
  await expect(page.getByRole('checkbox')).toHaveCount(0)
})

test('the leader hands leadership over: the old leader becomes former leader', async ({
  page,
  browser,
  snap,
}) => {
  await loginAs(page, DEMO.bence.subject)
  await open(page, POSTS)
  await expect(page.getByText(`Jelenlegi körvezető: ${DEMO.bence.name}`)).toBeVisible()
  await page.getByRole('button', { name: 'Vezetés átadása…' }).click()
  const dialog = page.getByRole('dialog', { name: 'A vezetés átadása' })
  await dialog.getByRole('button', { name: 'Átadás' }).click()
  await expect(dialog.getByText('Válaszd ki az új körvezetőt!')).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Új körvezető' }).selectOption({ label: DEMO.anna.name })
  await expect(dialog).toContainText(
    `A kör vezetője ${DEMO.anna.name} lesz, ${DEMO.bence.name} pedig volt körvezető.`,
  )
  await snap('posts-hand-over', { fullPage: false })
  await dialog.getByRole('button', { name: 'Átadás' }).click()

  await expect(page.getByText(`Átadtuk a kör vezetését: ${DEMO.anna.name} az új körvezető.`)).toBeVisible()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)

  // Anna leads now: she sees Bence as former leader in the grid, and hands the group back.
  const anna = await (await browser.newContext()).newPage()
  await loginAs(anna, DEMO.anna.subject)
  await open(anna, POSTS)
  await expect(anna.getByText(`Jelenlegi körvezető: ${DEMO.anna.name}`)).toBeVisible()
  await expect(cell(anna, DEMO.anna.name, 'Körvezető')).toBeChecked()
  await expect(cell(anna, DEMO.bence.name, 'Körvezető')).not.toBeChecked()
  await expect(cell(anna, DEMO.bence.name, 'Volt körvezető')).toBeChecked()

  await anna.getByRole('button', { name: 'Vezetés átadása…' }).click()
  const back = anna.getByRole('dialog', { name: 'A vezetés átadása' })
  await back.getByRole('combobox', { name: 'Új körvezető' }).selectOption({ label: DEMO.bence.name })
  await back.getByRole('button', { name: 'Átadás' }).click()
  await expect(anna.getByText(`Átadtuk a kör vezetését: ${DEMO.bence.name} az új körvezető.`)).toBeVisible()
  await anna.context().close()

  await open(page, POSTS)
  await expect(page.getByText(`Jelenlegi körvezető: ${DEMO.bence.name}`)).toBeVisible()
  await expect(cell(page, DEMO.anna.name, 'Volt körvezető')).toBeChecked()
})
