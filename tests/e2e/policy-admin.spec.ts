// Policy admin: Varga Eszter (PéK-adminisztrátor) creates a policy that grants `policy:admin`,
// gives it to Tóth Dániel, who can then open the admin; she revokes it in the UI and Dániel's very
// next request is refused. Also the access check and the phone layout, as screenshots.
import type { Page } from '@playwright/test'
import { expect, loginAs, test, waitForHydration } from './fixtures'

const ADMIN = 'demo-eszter'
const DANIEL = { subject: 'demo-daniel', name: 'Tóth Dániel', userId: 4 }
const POLICY = 'E2E teszt'

async function open(page: Page, path: string) {
  await page.goto(path)
  await waitForHydration(page)
}

const forbidden = (page: Page) => page.getByRole('heading', { level: 1, name: 'Nincs jogosultságod' })

test('an admin grants and revokes policy:admin, and the holder is refused on the next load', async ({
  page,
  browser,
  snap,
}) => {
  const daniel = await (await browser.newContext()).newPage()
  await loginAs(daniel, DANIEL.subject)
  await open(daniel, '/admin/policies')
  await expect(forbidden(daniel)).toBeVisible()
  await expect(daniel.getByRole('link', { name: 'Jogosultságok' })).toHaveCount(0)

  await loginAs(page, ADMIN)
  await open(page, '/')
  await page.getByRole('link', { name: 'Jogosultságok' }).first().click()
  await expect(page).toHaveURL(/\/admin\/policies$/)
  await page.getByRole('link', { name: /^Szuperadmin/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Szuperadmin' })).toBeVisible()

  const create = page.getByRole('form', { name: 'Új alszabályzat' })
  await create.getByLabel('Az alszabályzat neve').fill(POLICY)
  await create.getByRole('button', { name: 'Létrehozás' }).click()
  await expect(page.getByText(`Létrehoztuk a szabályzatot: ${POLICY}.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: POLICY })).toBeVisible()

  const statement = page.getByRole('form', { name: 'Új szabály' })
  await statement.getByLabel('Jogosultság').selectOption('policy:admin')
  await statement.getByLabel('Mire vonatkozik').selectOption('ANY')
  await statement.getByRole('button', { name: 'Szabály hozzáadása' }).click()
  await expect(page.getByText('Hozzáadtuk a szabályt.')).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Szabályok' }).getByText('policy:admin', { exact: true }),
  ).toBeVisible()

  const assign = page.getByRole('form', { name: 'Hozzárendelés' })
  await assign.getByLabel('Felhasználó azonosítója').fill(String(DANIEL.userId))
  await assign.getByRole('button', { name: 'Hozzárendelés' }).click()
  await expect(page.getByText('Hozzárendeltük a szabályzatot.')).toBeVisible()
  const holders = page.getByRole('region', { name: 'Birtokosok' })
  const danielRow = holders.getByRole('listitem').filter({ hasText: DANIEL.name })
  await expect(danielRow).toBeVisible()
  await snap('policy-admin-assigned')

  await open(daniel, '/admin/policies')
  await expect(daniel.getByRole('heading', { level: 1, name: 'Jogosultságok' })).toBeVisible()
  await expect(daniel.getByRole('link', { name: 'Jogosultságok' }).first()).toBeVisible()

  await danielRow.getByRole('button', { name: /Visszavonás/ }).click()
  const confirm = page.getByRole('dialog')
  await expect(confirm).toContainText(DANIEL.name)
  await confirm.getByRole('button', { name: 'Visszavonás' }).click()
  await expect(page.getByText('Visszavontuk a szabályzatot.')).toBeVisible()
  await expect(danielRow).toHaveCount(0)

  await open(daniel, '/admin/policies')
  await expect(forbidden(daniel)).toBeVisible()

  // The audit log shows the revocation first.
  await open(page, '/admin/policies/audit')
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('revoke')
  await daniel.context().close()
})

test('check access explains an allow and a deny', async ({ page, snap }) => {
  await loginAs(page, ADMIN)
  await open(page, '/admin/policies/check')
  // The default question: who may administer policies — Eszter, through her policy.
  await expect(page.getByRole('region', { name: 'Ki teheti meg?' })).toContainText('Varga Eszter')

  await page.getByLabel('Jogosultság', { exact: true }).selectOption('user:view-profile')
  await page.getByLabel('Felhasználó azonosítója').fill(String(DANIEL.userId))
  await page.getByLabel('Mire', { exact: true }).selectOption('user')
  await page.getByRole('spinbutton', { name: 'Azonosító', exact: true }).fill(String(DANIEL.userId))
  await page.getByRole('button', { name: 'Ellenőrzés' }).click()
  const result = page.getByRole('region', { name: `A(z) #${DANIEL.userId} felhasználó` })
  await expect(result).toContainText('Engedélyezve')
  await expect(result).toContainText('Szabály: user:view-profile – saját magára')
  await snap('policy-check-allowed')

  await page.getByRole('spinbutton', { name: 'Azonosító', exact: true }).fill('1')
  await page.getByRole('button', { name: 'Ellenőrzés' }).click()
  await expect(result).toContainText('Megtagadva')
  await expect(result).toContainText('Egyik szabályzat sem adja meg ezt a jogot.')
  await snap('policy-check-denied')
})

test('the policy page stacks its panels on a phone', async ({ page, snap }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await loginAs(page, ADMIN)
  await open(page, '/admin/policies')
  await page.getByRole('link', { name: /^PéK-adminisztrátor/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'PéK-adminisztrátor' })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await snap('policy-admin-phone')
})
