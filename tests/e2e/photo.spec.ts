// Profile photos in the browser and over HTTP: a user picks a file, crops it with pointer and
// keyboard, uploads it; the photo route serves the re-encoded square with caching headers; the
// upload refuses another user's id (403), non-images and oversized files (400) and giant bodies
// (413) — replayed from the browser's own recorded call, so the server-function URL is never guessed.
import type { APIRequestContext, Page, Request } from '@playwright/test'
import sharp from 'sharp'
import {
  createSession,
  DEMO,
  e2eEnv,
  expect,
  loginAs,
  sessionCookieHeader,
  type TestSession,
  test,
  waitForHydration,
} from './fixtures'
import { statusBeforeBody } from './raw-request'

const photoUrl = (userId: number) => `/api/users/${userId}/photo`

/** Tóth Dániel (src/server/auth/dev-oidc/demo-accounts.ts): nobody else's e2e tests change his photo. */
const UPLOADER = 'demo-daniel'

/** 1600×900: the left half red, the right half blue. */
async function twoColourPng(): Promise<Buffer> {
  const width = 1600
  const height = 900
  const pixels = Buffer.alloc(width * height * 3)
  for (let i = 0; i < width * height; i++) pixels[i * 3 + (i % width < width / 2 ? 0 : 2)] = 255
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
}

const cropArea = (page: Page) => page.getByRole('application', { name: /^Kivágás/ })
const currentPhoto = (page: Page) => page.getByRole('img', { name: 'A jelenlegi profilképed' })

async function imageLoaded(page: Page) {
  await expect
    .poll(() => currentPhoto(page).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true)
}

/** Opens the photo page, chooses the picture and returns the crop area, ready for input. */
async function choosePhoto(page: Page, file: Buffer) {
  await page.goto('/profile/photo')
  await waitForHydration(page)
  await page
    .getByTestId('photo-file-input')
    .setInputFiles({ name: 'nyaralas.png', mimeType: 'image/png', buffer: file })
  await expect(cropArea(page)).toBeVisible()
  return cropArea(page)
}

const isUpload = (request: Request) =>
  request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/_serverFn/')

test('a user crops and uploads a photo, which is then served with caching headers', async ({
  page,
  snap,
}) => {
  const session = await loginAs(page, UPLOADER)
  await page.goto('/profile/photo')
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Profilkép' })).toBeVisible()
  await expect(currentPhoto(page)).toHaveAttribute('src', photoUrl(session.userId))
  await imageLoaded(page)
  await snap('photo-01-before')

  const area = await choosePhoto(page, await twoColourPng())
  // Drag the picture to the left: the square moves right.
  const box = await area.boundingBox()
  if (!box) throw new Error('the crop area has no box')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 6 })
  await page.mouse.up()
  // Then the keyboard: zoom to 2× and move on to the right (blue) edge.
  await area.focus()
  for (let i = 0; i < 4; i++) await page.keyboard.press('+')
  await expect(page.getByRole('slider', { name: 'Nagyítás' })).toHaveValue('2')
  await snap('photo-02-cropping')
  // On a phone the same crop fills the narrower area.
  await page.setViewportSize({ width: 390, height: 844 })
  await snap('photo-02-cropping-phone')
  await page.setViewportSize({ width: 1280, height: 720 })
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight')

  const upload = page.waitForRequest(isUpload)
  await page.getByRole('button', { name: 'Kép mentése' }).click()
  await expect(page.getByText('Elmentettük az új profilképed.')).toBeVisible()
  // The browser sent the cropped square, not the original file.
  const sent = (await upload).postDataBuffer()
  expect(sent?.length ?? 0).toBeLessThan(200_000)
  await expect(currentPhoto(page)).toHaveAttribute('src', new RegExp(`^${photoUrl(session.userId)}\\?v=`))
  await imageLoaded(page)
  await snap('photo-03-saved')

  const served = await page.request.get(photoUrl(session.userId))
  expect(served.status()).toBe(200)
  const headers = served.headers()
  expect(headers['content-type']).toBe('image/webp')
  expect(headers['cache-control']).toMatch(/^private, max-age=\d+$/)
  expect(headers['x-content-type-options']).toBe('nosniff')
  const etag = headers.etag ?? ''
  expect(etag).toMatch(/^"[\w-]+"$/)
  const meta = await sharp(await served.body()).metadata()
  expect(meta.format).toBe('webp')
  expect(meta.width).toBe(meta.height)
  expect(meta.width).toBeLessThanOrEqual(512)
  expect(meta.exif).toBeUndefined()
  // The crop was applied: 2× zoom on the right edge holds only the blue half.
  const { data, info } = await sharp(await served.body())
    .raw()
    .toBuffer({ resolveWithObject: true })
  for (const [x, y] of [
    [0, 0],
    [info.width - 1, 0],
    [0, info.height - 1],
    [info.width - 1, info.height - 1],
  ]) {
    const at = ((y ?? 0) * info.width + (x ?? 0)) * info.channels
    expect(data[at + 2], `blue at ${x},${y}`).toBeGreaterThan(200)
    expect(data[at], `no red at ${x},${y}`).toBeLessThan(60)
  }

  const revalidated = await page.request.get(photoUrl(session.userId), { headers: { 'if-none-match': etag } })
  expect(revalidated.status()).toBe(304)
  expect(revalidated.headers().etag).toBe(etag)

  // Removing it brings the default avatar back.
  await page.reload()
  await waitForHydration(page)
  await page.getByRole('button', { name: 'Kép törlése' }).click()
  const dialog = page.getByRole('dialog', { name: 'Törlöd a profilképed?' })
  await dialog.getByRole('button', { name: 'Kép törlése' }).click()
  await expect(page.getByText('Töröltük a profilképed.')).toBeVisible()
  await imageLoaded(page)
  const fallback = await page.request.get(photoUrl(session.userId))
  expect(fallback.headers()['content-type']).toBe('image/svg+xml')
  expect(fallback.headers().etag).not.toBe(etag)
  await snap('photo-04-removed')
})

test('the photo route: 401 for visitors, 400 for a malformed id, 404 for nobody, an SVG avatar otherwise', async ({
  request,
}) => {
  const viewer = await createSession(DEMO.anna.subject)
  const bence = await createSession(DEMO.bence.subject)
  const asViewer = { headers: { cookie: sessionCookieHeader(viewer.token) } }

  const anonymous = await request.get(photoUrl(bence.userId))
  expect(anonymous.status()).toBe(401)
  expect(anonymous.headers()['cache-control']).toBe('no-store')

  for (const bad of ['abc', '0', '-1', '1.5', '1e3', '99999999999']) {
    const response = await request.get(`/api/users/${bad}/photo`, asViewer)
    expect(response.status(), bad).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('VALIDATION')
  }
  expect((await request.get(photoUrl(2_000_000_000), asViewer)).status()).toBe(404)

  // Any logged-in user sees another's picture: Bence has none, so it is his default avatar.
  const avatar = await request.get(photoUrl(bence.userId), asViewer)
  expect(avatar.status()).toBe(200)
  expect(avatar.headers()['content-type']).toBe('image/svg+xml')
  expect(avatar.headers()['content-security-policy']).toContain('sandbox')
  expect(avatar.headers()['x-content-type-options']).toBe('nosniff')
  const svg = await avatar.text()
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(svg).toContain('>NB</text>')
})

// ---- replaying the upload call ----------------------------------------------------------------------

interface RecordedUpload {
  url: string
  session: TestSession
}

/** Uploads once through the UI and keeps the server-function call the browser made. */
async function recordUpload(page: Page): Promise<RecordedUpload> {
  const session = await loginAs(page, UPLOADER)
  await choosePhoto(page, await twoColourPng())
  const upload = page.waitForRequest(isUpload)
  await page.getByRole('button', { name: 'Kép mentése' }).click()
  await expect(page.getByText('Elmentettük az új profilképed.')).toBeVisible()
  return { url: (await upload).url(), session }
}

type Part = { name: string; mimeType: string; buffer: Buffer }

function replay(
  request: APIRequestContext,
  recorded: RecordedUpload,
  userId: number,
  photo: Part,
  token?: string,
) {
  return request.post(recorded.url, {
    headers: {
      origin: e2eEnv().publicUrl,
      'x-tsr-serverfn': 'true',
      ...(token === undefined ? {} : { cookie: sessionCookieHeader(token) }),
    },
    multipart: { userId: String(userId), photo },
    maxRedirects: 0,
  })
}

test("the upload is refused for another user's id (403), for non-images and over 5 MB (400)", async ({
  page,
  request,
}) => {
  const recorded = await recordUpload(page)
  const own = recorded.session
  const other = await createSession(DEMO.csilla.subject)
  const png = { name: 'p.png', mimeType: 'image/png', buffer: await twoColourPng() }

  // The control: the replayed call works for the owner.
  expect((await replay(request, recorded, own.userId, png, own.token)).status()).toBe(200)

  const foreign = await replay(request, recorded, other.userId, png, own.token)
  expect(foreign.status()).toBe(403)
  expect(await foreign.text()).toContain('FORBIDDEN')
  const othersPhoto = await request.get(photoUrl(other.userId), {
    headers: { cookie: sessionCookieHeader(own.token) },
  })
  expect(othersPhoto.headers()['content-type']).toBe('image/svg+xml')

  expect((await replay(request, recorded, own.userId, png)).status()).toBe(401)

  const text = {
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('this is not a picture at all'),
  }
  const notImage = await replay(request, recorded, own.userId, text, own.token)
  expect(notImage.status()).toBe(400)
  expect(await notImage.text()).toContain('VALIDATION')

  const big = { name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024 + 1024, 1) }
  const tooLarge = await replay(request, recorded, own.userId, big, own.token)
  expect(tooLarge.status()).toBe(400)
  expect(await tooLarge.text()).toContain('tooLarge')
})

test('a body beyond the cap is refused before it is read (413), one without a length too (411)', async ({
  page,
}) => {
  const recorded = await recordUpload(page)
  // Raw requests that send only the headers: the server must answer from them alone.
  const statusFor = (headers: Record<string, string>) =>
    statusBeforeBody(
      recorded.url,
      {
        origin: e2eEnv().publicUrl,
        cookie: sessionCookieHeader(recorded.session.token),
        'content-type': 'multipart/form-data; boundary=x',
        ...headers,
      },
      '--x\r\n',
    )
  expect(await statusFor({ 'content-length': String(9 * 1024 * 1024) })).toBe(413)
  expect(await statusFor({ 'transfer-encoding': 'chunked' })).toBe(411)
})
