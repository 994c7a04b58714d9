// The search box in the header, on every page: people and groups, with and without accents, the
// visitor's view, pagination, the phone menu, and the plain form without JavaScript.
import type { Page } from '@playwright/test'
import { DEMO, expect, KIR_DEV_ID, loginAs, test, waitForHydration } from './fixtures'

const BOX = 'Keresés emberek és körök között'

/** Types into the header's search box and submits it with Enter. */
async function searchFromHeader(page: Page, q: string) {
  const box = page.getByRole('banner').getByRole('searchbox', { name: BOX })
  await box.fill(q)
  await box.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: `Találatok: „${q}”` })).toBeVisible()
}

const people = (page: Page) => page.getByRole('region', { name: 'Emberek' })
const groups = (page: Page) => page.getByRole('region', { name: 'Körök' })

test('the header box finds Szabó Csilla with and without accents', async ({ page, snap }) => {
  await loginAs(page, DEMO.anna.subject)
  await page.goto('/groups')
  await waitForHydration(page)

  for (const q of ['Szabó Csilla', 'szabo csilla', 'SZABO CSILLA']) {
    await searchFromHeader(page, q)
    await expect(people(page).getByRole('link', { name: DEMO.csilla.name, exact: true })).toBeVisible()
    // The box keeps the query, so it can be refined.
    await expect(page.getByRole('banner').getByRole('searchbox', { name: BOX })).toHaveValue(q)
  }
  await snap('search-01-szabo-csilla')

  // The surname alone: the same people with the accent and without it.
  await searchFromHeader(page, 'Szabó')
  const withAccent = await people(page)
    .getByText(/^\d+ találat$/)
    .textContent()
  const firstPage = await people(page).getByRole('listitem').allTextContents()
  expect(firstPage.length).toBeGreaterThan(1)
  for (const hit of firstPage) expect(hit).toContain('Szabó')
  await searchFromHeader(page, 'szabo')
  await expect(people(page).getByText(/^\d+ találat$/)).toHaveText(withAccent ?? '')
  expect(await people(page).getByRole('listitem').allTextContents()).toEqual(firstPage)
  await snap('search-02-szabo')

  // A hit leads to the person's profile page.
  await searchFromHeader(page, 'szabo csilla')
  await people(page).getByRole('link', { name: DEMO.csilla.name, exact: true }).click()
  await expect(page).toHaveURL(/\/u\/[^/?]+$/)
})

test('results are paginated, 20 people a page', async ({ page, snap }) => {
  await loginAs(page, DEMO.bence.subject)
  await page.goto('/search?q=a')
  await waitForHydration(page)
  const pager = page.getByRole('navigation', { name: 'Találati oldalak' })
  await expect(pager.getByRole('link', { name: '1. oldal' })).toHaveAttribute('aria-current', 'page')
  await expect(people(page).getByRole('listitem')).toHaveCount(20)
  const first = await people(page).getByRole('listitem').allTextContents()

  await pager.getByRole('link', { name: 'Következő' }).click()
  await expect(page).toHaveURL(/[?&]page=2\b/)
  await expect(pager.getByRole('link', { name: '2. oldal' })).toHaveAttribute('aria-current', 'page')
  // The URL changes before the next page has loaded: wait for the list itself to change.
  await expect(people(page).getByRole('listitem').first()).not.toHaveText(first[0] ?? '')
  await expect(people(page).getByRole('listitem')).toHaveCount(20)
  const second = await people(page).getByRole('listitem').allTextContents()
  expect(second.filter((hit) => first.includes(hit))).toEqual([])
  await snap('search-03-page-2')

  await pager.getByRole('link', { name: 'Előző' }).click()
  await expect(pager.getByRole('link', { name: '1. oldal' })).toHaveAttribute('aria-current', 'page')
})

test('a visitor finds groups and is asked to log in for people', async ({ page, snap }) => {
  await page.goto(`/groups/${KIR_DEV_ID}`)
  await waitForHydration(page)
  await searchFromHeader(page, 'kir')
  await expect(groups(page).getByRole('link', { name: 'Kir-Dev', exact: true })).toBeVisible()
  await expect(people(page)).toContainText('Emberek kereséséhez jelentkezz be.')
  await expect(people(page).getByRole('listitem')).toHaveCount(0)
  await snap('search-04-visitor')

  await groups(page).getByRole('link', { name: 'Kir-Dev', exact: true }).click()
  await expect(page).toHaveURL(`/groups/${KIR_DEV_ID}`)
})

test('an empty result and the empty search page say what to do', async ({ page, snap }) => {
  await loginAs(page, DEMO.bence.subject)
  await page.goto('/search')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Keresés' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Kit vagy mit keresel?' })).toBeVisible()

  await searchFromHeader(page, 'nincsilyen xyzzy')
  await expect(page.getByRole('heading', { name: 'Nincs találat' })).toBeVisible()
  await snap('search-05-no-results')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } })

  test('the search box sits in the menu sheet, which closes on search', async ({ page, snap }) => {
    await loginAs(page, DEMO.anna.subject)
    await page.goto('/groups')
    await waitForHydration(page)
    await expect(page.getByRole('banner').getByRole('searchbox', { name: BOX })).toBeHidden()

    await page.getByRole('button', { name: 'Menü', exact: true }).click()
    const sheet = page.getByRole('dialog', { name: 'Menü' })
    const box = sheet.getByRole('searchbox', { name: BOX })
    await box.fill('szabo csilla')
    await snap('search-06-phone-menu', { fullPage: false })
    await box.press('Enter')
    await expect(sheet).toBeHidden()
    await expect(people(page).getByRole('link', { name: DEMO.csilla.name, exact: true })).toBeVisible()
    await snap('search-07-phone-results')
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the header box is a plain form that the server answers', async ({ page }) => {
    await loginAs(page, DEMO.anna.subject)
    await page.goto('/groups')
    const box = page.getByRole('banner').getByRole('searchbox', { name: BOX })
    await box.fill('szabó csilla')
    await box.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=szab%C3%B3(\+|%20)csilla$/)
    await expect(people(page).getByRole('link', { name: DEMO.csilla.name, exact: true })).toBeVisible()

    // Digits alone (a room number) come back from the URL as a number; still a search.
    await page.getByRole('banner').getByRole('searchbox', { name: BOX }).fill('1203')
    await page.getByRole('banner').getByRole('searchbox', { name: BOX }).press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Találatok: „1203”' })).toBeVisible()
  })
})
