// Steps shared by the policy screens' end-to-end tests: the admin's tree and the issuer's screen
// use the same tree, pickers and forms.
import type { Locator, Page } from '@playwright/test'
import { expect, waitForHydration } from './fixtures'

export async function open(page: Page, path: string) {
  await page.goto(path)
  await waitForHydration(page)
}

/** Types into a search picker and clicks the option whose second line ends with the id (namesakes exist). */
export async function pick(scope: Page | Locator, label: string, query: string, id: number) {
  const box = scope.getByRole('combobox', { name: label, exact: true })
  await box.fill(query)
  await scope.getByRole('option', { name: new RegExp(`#${id}$`) }).click()
  await expect(box).toHaveAttribute('aria-expanded', 'false')
}

/** Selects a policy in the tree by the start of its name. */
export async function selectPolicy(page: Page, name: string) {
  await page.getByRole('link', { name: new RegExp(`^${name}`) }).click()
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
}

/** Creates a child of the selected policy (optionally "can issue") and waits for it to open. */
export async function createChild(page: Page, name: string, options: { canIssue?: boolean } = {}) {
  const create = page.getByRole('form', { name: 'Új alszabályzat' })
  await create.getByLabel('Az alszabályzat neve').fill(name)
  if (options.canIssue) await create.getByLabel(/^Továbbadható/).check()
  await create.getByRole('button', { name: 'Létrehozás' }).click()
  await expect(page.getByText(`Létrehoztuk a szabályzatot: ${name}.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
}

/** Adds a statement on anything, or on a group picked by name (its id tells namesakes apart). */
export async function addStatement(
  page: Page,
  scope: string,
  on: { group: string; groupId: number; withDescendants?: boolean } | 'ANY',
) {
  const form = page.getByRole('form', { name: 'Új szabály' })
  await form.getByLabel('Jogosultság').selectOption(scope)
  if (on === 'ANY') {
    await form.getByLabel('Mire vonatkozik').selectOption('ANY')
  } else {
    await form.getByLabel('Mire vonatkozik').selectOption('GROUP')
    await pick(form, 'Kör', on.group, on.groupId)
    if (on.withDescendants) await form.getByLabel('Az alkörökre is').check()
  }
  await form.getByRole('button', { name: 'Szabály hozzáadása' }).click()
}

/** Assigns the selected policy to a user picked by name. */
export async function assignTo(page: Page, user: { name: string; userId: number }) {
  const assign = page.getByRole('form', { name: 'Hozzárendelés' })
  await pick(assign, 'Felhasználó', user.name, user.userId)
  await assign.getByRole('button', { name: 'Hozzárendelés' }).click()
  await expect(page.getByText('Hozzárendeltük a szabályzatot.')).toBeVisible()
}
