// Issue 5's journey in one go: a student (Tóth Dániel) applies to Kir-Dev; its leader (Nagy Bence)
// accepts him, gives him a post and makes him an active member; Dániel finds the notification behind the bell and the post on
// his profile; Bence hands the leadership over to him and Dániel hands it back. At the end Bence
// makes him former and archives him, so the journey can run again against a reused server.
import type { Page } from '@playwright/test'
import { expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { open } from './policy-pages'

const BENCE = { subject: 'demo-bence', name: 'Nagy Bence' }
const DANIEL = { subject: 'demo-daniel', name: 'Tóth Dániel', profile: '/u/daniel4' }
const GROUP = `/groups/${KIR_DEV_ID}`
const POSTS = `${GROUP}/posts`

const rowOf = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: name })

async function handOver(page: Page, to: string) {
  await open(page, POSTS)
  await page.getByRole('button', { name: 'Vezetés átadása…' }).click()
  const dialog = page.getByRole('dialog', { name: 'A vezetés átadása' })
  await dialog.getByRole('combobox', { name: 'Új körvezető' }).selectOption({ label: to })
  await dialog.getByRole('button', { name: 'Átadás' }).click()
  await expect(page.getByText(`Átadtuk a kör vezetését: ${to} az új körvezető.`)).toBeVisible()
}

async function confirmRowAction(page: Page, row: ReturnType<typeof rowOf>, action: string) {
  await row.getByRole('button', { name: action, exact: true }).click()
  await page.getByRole('dialog', { name: 'Megerősítés' }).getByRole('button', { name: action }).click()
}

test('apply, accept, a post, the notification and the profile, then a hand-over and back', async ({
  page,
  browser,
  snap,
}) => {
  const bence = await (await browser.newContext()).newPage()
  await loginAs(bence, BENCE.subject)
  await loginAs(page, DANIEL.subject)

  await test.step('the student applies', async () => {
    await open(page, GROUP)
    const mine = page.getByRole('region', { name: 'Tagságod' })
    await mine.getByRole('button', { name: 'Jelentkezés', exact: true }).click()
    await expect(mine).toContainText('A jelentkezésed elbírálásra vár')
  })

  await test.step('the leader accepts him and gives him a post', async () => {
    await open(bence, `${GROUP}?tab=pending`)
    await rowOf(bence, 'Jelentkezők', DANIEL.name).getByRole('button', { name: 'Elfogadás' }).click()
    await expect(bence.getByText(`Elfogadtuk ${DANIEL.name} jelentkezését: mostantól újonc.`)).toBeVisible()
    await open(bence, POSTS)
    const post = bence.getByRole('checkbox', { name: `${DANIEL.name} – Pontozó`, exact: true })
    await post.check()
    await expect(post).toHaveAccessibleDescription('Mentve')
  })

  await test.step('the student reads the notification and sees the post on his profile', async () => {
    await open(page, '/notifications')
    const accepted = page.getByRole('link', { name: 'Olvasatlan: Felvettek újoncnak ebbe a körbe: Kir-Dev' })
    await expect(accepted.first()).toBeVisible()
    await snap('journey-notification', { fullPage: false })
    await accepted.first().click()
    await expect(page).toHaveURL(GROUP)
    await open(page, DANIEL.profile)
    const kirDev = rowOf(page, 'Körök', 'Kir-Dev')
    await expect(kirDev).toContainText('Pontozó')
    await snap('journey-profile', { fullPage: false })
  })

  await test.step('the leader hands over to him (once he is active), and he hands it back', async () => {
    await open(bence, GROUP)
    await rowOf(bence, 'Aktív tagok', DANIEL.name)
      .getByRole('button', { name: 'Aktív taggá léptetés' })
      .click()
    await expect(bence.getByText(`${DANIEL.name} mostantól aktív tag.`)).toBeVisible()
    await handOver(bence, DANIEL.name)
    await open(page, GROUP)
    await expect(page.getByRole('link', { name: 'Posztok' })).toBeVisible()
    await handOver(page, BENCE.name)
    await open(bence, POSTS)
    await expect(bence.getByText(`Jelenlegi körvezető: ${BENCE.name}`)).toBeVisible()
    await expect(
      bence.getByRole('checkbox', { name: `${DANIEL.name} – Volt körvezető`, exact: true }),
    ).toBeChecked()
  })

  await test.step('the leader makes him former and archives him (the journey can run again)', async () => {
    await open(bence, GROUP)
    await confirmRowAction(bence, rowOf(bence, 'Aktív tagok', DANIEL.name), 'Öregtaggá tétel')
    await expect(bence.getByText(`${DANIEL.name} mostantól öregtag.`).last()).toBeVisible()
    await open(bence, `${GROUP}?tab=former`)
    await confirmRowAction(bence, rowOf(bence, 'Öregtagok', DANIEL.name), 'Archiválás')
    await expect(rowOf(bence, 'Öregtagok', DANIEL.name)).toHaveCount(0)
  })
  await bence.context().close()
})
