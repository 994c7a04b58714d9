// Policy admin: Varga Eszter (PéK-adminisztrátor) creates a policy that grants `policy:admin`,
// gives it to Tóth Dániel, who can then open the admin; she revokes it in the UI and Dániel's very
// next request is refused. Groups and users are picked by searching; a user's rights are listed
// with their sources; policies move in the tree. Also the access check and the phone layout.
import type { Locator, Page } from '@playwright/test'
import { expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { assignTo, createChild, open, pick, selectPolicy } from './policy-pages'

const ADMIN = 'demo-eszter'
const DANIEL = { subject: 'demo-daniel', name: 'Tóth Dániel', userId: 4 }
const ANNA = { name: 'Kovács Anna', userId: 1 }
const POLICY = 'E2E teszt'

const forbidden = (page: Page) => page.getByRole('heading', { level: 1, name: 'Nincs jogosultságod' })

/** Selects the option of a native select whose text contains this (policy options are indented). */
async function selectByText(select: Locator, text: string) {
  const value = await select.locator('option').filter({ hasText: text }).first().getAttribute('value')
  await select.selectOption(value ?? '')
}

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
  await selectPolicy(page, 'Szuperadmin')
  await createChild(page, POLICY)

  const statement = page.getByRole('form', { name: 'Új szabály' })
  await statement.getByLabel('Jogosultság').selectOption('policy:admin')
  await statement.getByLabel('Mire vonatkozik').selectOption('ANY')
  await statement.getByRole('button', { name: 'Szabály hozzáadása' }).click()
  await expect(page.getByText('Hozzáadtuk a szabályt.')).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Szabályok' }).getByText('policy:admin', { exact: true }),
  ).toBeVisible()

  const assign = page.getByRole('form', { name: 'Hozzárendelés' })
  await pick(assign, 'Felhasználó', DANIEL.name, DANIEL.userId)
  await expect(assign.getByRole('combobox', { name: 'Felhasználó' })).toHaveValue(DANIEL.name)
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
  await pick(page, 'Felhasználó', DANIEL.name, DANIEL.userId)
  await page.getByLabel('Mire', { exact: true }).selectOption('user')
  await pick(page, 'Melyik felhasználó?', DANIEL.name, DANIEL.userId)
  await page.getByRole('button', { name: 'Ellenőrzés' }).click()
  const result = page.getByRole('region', { name: `A(z) #${DANIEL.userId} felhasználó` })
  await expect(result).toContainText('Engedélyezve')
  await expect(result).toContainText('Szabály: user:view-profile – saját magára')
  await snap('policy-check-allowed')

  // The pickers start from the question in the URL, by name.
  await expect(page.getByRole('combobox', { name: 'Melyik felhasználó?' })).toHaveValue(DANIEL.name)
  await pick(page, 'Melyik felhasználó?', ANNA.name, ANNA.userId)
  await page.getByRole('button', { name: 'Ellenőrzés' }).click()
  await expect(result).toContainText('Megtagadva')
  await expect(result).toContainText('Egyik szabályzat sem adja meg ezt a jogot.')
  await snap('policy-check-denied')
})

test("a group picked by search grants a right that the holder's rights screen lists", async ({
  page,
  snap,
}) => {
  const policy = 'E2E körjog'
  await loginAs(page, ADMIN)
  await open(page, '/admin/policies')
  await selectPolicy(page, 'Szuperadmin')
  await createChild(page, policy)

  // The group is found by part of its name and picked with the keyboard.
  const statement = page.getByRole('form', { name: 'Új szabály' })
  await statement.getByLabel('Jogosultság').selectOption('group:edit-profile')
  await statement.getByLabel('Mire vonatkozik').selectOption('GROUP')
  const group = statement.getByRole('combobox', { name: 'Kör' })
  await group.pressSequentially('kir-d')
  await expect(group).toHaveAttribute('aria-expanded', 'true')
  const kirDev = statement.getByRole('option', { name: new RegExp(`^Kir-Dev.*#${KIR_DEV_ID}$`) })
  await expect(kirDev).toBeVisible()
  await snap('policy-group-picker')
  const position = await statement
    .getByRole('option')
    .evaluateAll((options, id) => options.findIndex((o) => o.textContent?.endsWith(`#${id}`)), KIR_DEV_ID)
  for (let i = 0; i <= position; i++) await group.press('ArrowDown')
  await expect(group).toHaveAttribute('aria-activedescendant', (await kirDev.getAttribute('id')) ?? '')
  await expect(kirDev).toHaveAttribute('aria-selected', 'true')
  await group.press('Enter')
  await expect(group).toHaveValue('Kir-Dev')
  await expect(group).toHaveAttribute('aria-expanded', 'false')
  await statement.getByLabel('Az alkörökre is').check()
  await statement.getByRole('button', { name: 'Szabály hozzáadása' }).click()
  await expect(page.getByText('Hozzáadtuk a szabályt.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Szabályok' })).toContainText('kör és alkörei: Kir-Dev')

  await assignTo(page, DANIEL)

  // The rights screen, through its tab and its own picker.
  await page.getByRole('link', { name: 'Felhasználó jogai' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Egy felhasználó jogai' })).toBeVisible()
  await pick(page, 'Felhasználó', DANIEL.name, DANIEL.userId)
  await expect(page).toHaveURL(new RegExp(`/admin/policies/user\\?userId=${DANIEL.userId}$`))
  const rights = page.getByRole('region', { name: `${DANIEL.name} jogai` })
  const scope = rights.getByRole('region', { name: 'group:edit-profile' })
  const grant = scope.getByRole('listitem').filter({ hasText: `Szabályzat: ${policy}` })
  await expect(grant).toContainText('Kir-Dev')
  await expect(grant).toContainText('Forrás: közvetlen hozzárendelés')
  // His council rights come with him, from their own source.
  await expect(rights.getByRole('region', { name: 'user:view-basic' })).toBeVisible()
  await snap('policy-user-rights')
})

test('a policy moves under another, and a move the new parent does not cover is refused', async ({
  page,
  snap,
}) => {
  const parent = 'E2E új szülő'
  const moving = 'E2E mozgó'
  await loginAs(page, ADMIN)
  await open(page, '/admin/policies')
  await selectPolicy(page, 'Szuperadmin')
  await createChild(page, parent)
  await selectPolicy(page, 'Szuperadmin')
  await createChild(page, moving)

  const move = page.getByRole('form', { name: 'Áthelyezés másik szabályzat alá' })
  const select = move.getByLabel('Új szülő szabályzat')
  // Itself is not offered; its current parent is, marked.
  await expect(select.getByRole('option', { name: moving, exact: true })).toHaveCount(0)
  await expect(select.getByRole('option', { name: /Szuperadmin \(jelenlegi\)/ })).toHaveCount(1)
  await selectByText(select, parent)
  await move.getByRole('button', { name: 'Áthelyezés' }).click()
  await expect(page.getByText(`Áthelyeztük ez alá: ${parent}.`)).toBeVisible()
  const tree = page.getByRole('region', { name: 'Szabályzatok' })
  // The innermost item holding the parent's link is the parent's own (the root's holds it too).
  const parentNode = tree
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: new RegExp(`^${parent}`) }) })
    .last()
  await expect(parentNode.getByRole('link', { name: new RegExp(`^${moving}`) })).toBeVisible()

  // Under a parent that lacks its statement, the server refuses, and says why beside the field.
  const statement = page.getByRole('form', { name: 'Új szabály' })
  await selectPolicy(page, parent)
  await statement.getByLabel('Jogosultság').selectOption('semester:admin')
  await statement.getByLabel('Mire vonatkozik').selectOption('ANY')
  await statement.getByRole('button', { name: 'Szabály hozzáadása' }).click()
  await expect(page.getByText('Hozzáadtuk a szabályt.')).toBeVisible()
  await selectByText(move.getByLabel('Új szülő szabályzat'), 'Bejelentkezett felhasználók')
  await move.getByRole('button', { name: 'Áthelyezés' }).click()
  await expect(move.getByLabel('Új szülő szabályzat')).toHaveAccessibleDescription(/Nem sikerült áthelyezni/)
  await snap('policy-move-refused')
})

test('the policy screens fit a phone; a built-in policy keeps its name', async ({ page, snap }) => {
  await page.setViewportSize({ width: 375, height: 812 })
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  await loginAs(page, ADMIN)
  await open(page, '/admin/policies')
  const builtIn = page.getByRole('link', { name: /^PéK-adminisztrátor/ })
  await expect(builtIn).toContainText('beépített')
  await builtIn.click()
  await expect(page.getByRole('heading', { level: 2, name: 'PéK-adminisztrátor' })).toBeVisible()
  // Its description can be edited, its name cannot.
  const describe = page.getByRole('form', { name: 'Leírás' })
  await expect(describe.getByRole('textbox', { name: 'Leírás' })).toBeVisible()
  await expect(describe.getByRole('textbox', { name: 'Név' })).toHaveCount(0)
  expect(await overflow()).toBeLessThanOrEqual(0)
  await snap('policy-admin-phone')

  await open(page, `/admin/policies/user?userId=${DANIEL.userId}`)
  await expect(page.getByRole('region', { name: `${DANIEL.name} jogai` })).toBeVisible()
  await page.getByRole('combobox', { name: 'Felhasználó' }).fill(ANNA.name)
  await expect(page.getByRole('option', { name: new RegExp(`#${ANNA.userId}$`) })).toBeVisible()
  expect(await overflow()).toBeLessThanOrEqual(0)
  await snap('policy-user-rights-phone', { fullPage: false })
})
