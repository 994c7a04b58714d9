// Delegation in the UI (ADR 0012): Varga Eszter (PéK admin) gives Kovács Anna a "can issue" policy
// over Kir-Dev. Anna, who is no policy admin, finds "Kiadható szabályzatok" in the nav, creates a
// child policy under hers, fills it within what hers holds (a statement beyond it is refused, and
// the page says why) and assigns it to Nagy Bence. Her own policy she may only issue under.
import { expect, KIR_DEV_ID, loginAs, test } from './fixtures'
import { addStatement, assignTo, createChild, open, selectPolicy } from './policy-pages'

const ADMIN = 'demo-eszter'
const ANNA = { subject: 'demo-anna', name: 'Kovács Anna', userId: 1 }
const BENCE = { name: 'Nagy Bence', userId: 2 }
const DANIEL = 'demo-daniel'
const KIR_DEV = { group: 'Kir-Dev', groupId: KIR_DEV_ID }
// Unique per run: the end-to-end database may outlive one run (a reused server).
const run = Date.now().toString(36)
const HELD = `E2E kiadó ${run}`
const CHILD = `E2E kiadott ${run}`

test('a "can issue" holder creates, fills and assigns a child policy within their own', async ({
  page,
  browser,
  snap,
}) => {
  // The admin's part: a "can issue" policy holding a right on Kir-Dev and its subgroups, for Anna.
  const admin = await (await browser.newContext()).newPage()
  await loginAs(admin, ADMIN)
  await open(admin, '/admin/policies')
  // An admin gets the whole tree: the issuer's page is not offered beside it.
  await expect(admin.getByRole('link', { name: 'Kiadható szabályzatok' })).toHaveCount(0)
  await selectPolicy(admin, 'Szuperadmin')
  await createChild(admin, HELD, { canIssue: true })
  await expect(admin.getByRole('heading', { level: 2, name: HELD })).toBeVisible()
  await addStatement(admin, 'group:edit-profile', { ...KIR_DEV, withDescendants: true })
  await expect(admin.getByText('Hozzáadtuk a szabályt.')).toBeVisible()
  await assignTo(admin, ANNA)
  await admin.context().close()

  // Anna finds her page in the nav.
  await loginAs(page, ANNA.subject)
  await open(page, '/')
  await page.getByRole('link', { name: 'Kiadható szabályzatok' }).first().click()
  await expect(page).toHaveURL(/\/policies\/issued$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kiadható szabályzatok' })).toBeVisible()

  // Her own policy: what it holds, read-only, and a new child under it — no rename, delete or holders.
  await selectPolicy(page, HELD)
  const holds = page.getByRole('region', { name: 'Amit továbbadhatsz' })
  await expect(holds).toContainText('kör és alkörei: Kir-Dev')
  await expect(holds.getByRole('button')).toHaveCount(0)
  await expect(page.getByRole('form', { name: 'Átnevezés' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Szabályzat törlése' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Birtokosok' })).toHaveCount(0)
  await snap('policy-issuer-held')

  await createChild(page, CHILD)
  await expect(page).toHaveURL(/\/policies\/issued\?policy=\d+$/)
  // The tree is hers to fill, not to reshape.
  await expect(page.getByRole('form', { name: 'Áthelyezés másik szabályzat alá' })).toHaveCount(0)

  // Within the parent: one group of the parent's subtree.
  await addStatement(page, 'group:edit-profile', KIR_DEV)
  await expect(page.getByText('Hozzáadtuk a szabályt.')).toBeVisible()
  const statements = page.getByRole('region', { name: 'Szabályok' })
  await expect(statements).toContainText('kör: Kir-Dev')

  // Beyond the parent: refused, and the form says why.
  await addStatement(page, 'group:edit-profile', 'ANY')
  const refusal = page.getByRole('form', { name: 'Új szabály' }).getByRole('alert')
  await expect(refusal).toContainText('Nem sikerült hozzáadni')
  await expect(refusal).toContainText('does not hold')
  await expect(statements.getByRole('listitem')).toHaveCount(1)
  await snap('policy-issuer-refused')

  await assignTo(page, BENCE)
  const holders = page.getByRole('region', { name: 'Birtokosok' })
  await expect(holders.getByRole('listitem').filter({ hasText: BENCE.name })).toBeVisible()
  // A holder's rights are the admin's screen: the name is no link here.
  await expect(holders.getByRole('link', { name: BENCE.name })).toHaveCount(0)
  await snap('policy-issuer-assigned')

  // The child lists under her policy in the tree.
  const tree = page.getByRole('region', { name: 'Szabályzatok' })
  const heldNode = tree
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: new RegExp(`^${HELD}`) }) })
  await expect(heldNode.getByRole('link', { name: new RegExp(`^${CHILD}`) })).toBeVisible()
})

test('the issuer page fits a phone, and someone who issues nothing is not offered it', async ({
  page,
  browser,
  snap,
}) => {
  const daniel = await (await browser.newContext()).newPage()
  await loginAs(daniel, DANIEL)
  await open(daniel, '/')
  await expect(daniel.getByRole('link', { name: 'Kiadható szabályzatok' })).toHaveCount(0)
  await open(daniel, '/policies/issued')
  await expect(daniel.getByText('Nincs olyan szabályzatod, amely alá újat adhatnál ki.')).toBeVisible()
  await daniel.context().close()

  await page.setViewportSize({ width: 375, height: 812 })
  await loginAs(page, ANNA.subject)
  await open(page, '/policies/issued')
  await selectPolicy(page, CHILD)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await snap('policy-issuer-phone')
})
