// Profile photos against the real database and a real folder: uploads are decoded and re-encoded
// (so only real JPEG/PNG/WebP pass, metadata is gone, the result is a square of at most 512 px), the
// profile points at the newest file and the replaced one is deleted, and storage keys cannot leave
// their folder. Access (403 for another user's id, 401, caching headers) is proven over HTTP in
// tests/e2e/photo.spec.ts.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultAvatarSvg, initialsOf } from '~/domains/user/default-avatar'
import { PHOTO_MAX_BYTES, PhotoUploadInput, photoUploadForm } from '~/domains/user/photo.schema'
import { PhotoService } from '~/domains/user/photo.service'
import { encodePhoto } from '~/domains/user/photo-image'
import { PHOTO_STORAGE, type TokenTypes } from '~/server/di/tokens'
import { NotFoundError, ValidationError } from '~/server/errors'
import { LocalPhotoStorage } from '~/server/storage/local-photo-storage'
import { newPhotoKey, StorageKeyError } from '~/server/storage/photo-storage'
import { parseInput } from '~/server/validate'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'

const folder = mkdtempSync(join(tmpdir(), 'pek-photos-'))
const photoDir = join(folder, 'photos')
const t = createTestApp({ PHOTO_STORAGE_DIR: photoDir })
const photos = () => t.app.resolve(PhotoService)
const storage = () => t.app.resolve<TokenTypes[typeof PHOTO_STORAGE]>(PHOTO_STORAGE)

afterAll(async () => {
  await t.close()
  rmSync(folder, { recursive: true, force: true })
})

// ---- images ------------------------------------------------------------------------------------

const SECRET = 'Secret Photographer 47.4979N'

/** Left half red, right half blue: after turning upright, red must be on top. */
function halves(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels[(y * width + x) * 3 + (x < width / 2 ? 0 : 2)] = 255
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
}

/** A JPEG stored sideways (EXIF orientation 6) with an artist and copyright that must not survive. */
const sidewaysJpeg = (width: number, height: number) =>
  halves(width, height)
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Artist: SECRET, Copyright: SECRET } } })
    .toBuffer()

const png = (width: number, height: number) => halves(width, height).png().toBuffer()
const webp = (width: number, height: number) => halves(width, height).webp().toBuffer()

const fileOf = (bytes: Uint8Array, name: string, type: string) =>
  new File([new Uint8Array(bytes)], name, { type })

async function refusal(call: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).fields
}

const parseUpload = (form: FormData) => Promise.resolve().then(() => parseInput(PhotoUploadInput, form))

// ---- encoding ----------------------------------------------------------------------------------

describe('encodePhoto', () => {
  it('turns a JPEG upright, crops the centred square, shrinks it to 512 px and drops its metadata', async () => {
    const input = await sidewaysJpeg(1200, 800)
    expect((await sharp(input).metadata()).exif).toBeDefined()

    const output = await encodePhoto(input)
    const meta = await sharp(output.bytes).metadata()
    expect(output.contentType).toBe('image/webp')
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 512 })
    expect(meta.exif).toBeUndefined()
    expect(meta.icc).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(Buffer.from(output.bytes).includes(SECRET)).toBe(false)

    // Orientation 6 turns the left (red) half to the top.
    const { data } = await sharp(output.bytes).raw().toBuffer({ resolveWithObject: true })
    const top = data.subarray(0, 3)
    const bottom = data.subarray(data.length - 3)
    expect(top[0]).toBeGreaterThan(200)
    expect(top[2]).toBeLessThan(50)
    expect(bottom[2]).toBeGreaterThan(200)
  })

  it('takes PNG and WebP, and never enlarges a small picture', async () => {
    for (const input of [await png(300, 200), await webp(200, 300)]) {
      const meta = await sharp((await encodePhoto(input)).bytes).metadata()
      expect(meta).toMatchObject({ format: 'webp', width: 200, height: 200 })
    }
  })

  it('refuses text, SVG and GIF whatever they claim, and a JPEG whose data is cut off', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><script>1</script></svg>',
    )
    const gif = await halves(20, 20).gif().toBuffer()
    expect(await refusal(encodePhoto(Buffer.from('just some text, named photo.jpg')))).toEqual({
      photo: ['type'],
    })
    expect(await refusal(encodePhoto(svg))).toEqual({ photo: ['type'] })
    expect(await refusal(encodePhoto(gif))).toEqual({ photo: ['type'] })
    const jpeg = await sidewaysJpeg(400, 400)
    expect(await refusal(encodePhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2))))).toEqual({
      photo: ['unreadable'],
    })
  })

  it('refuses more than 5 MB and nothing at all', async () => {
    expect(await refusal(encodePhoto(new Uint8Array(PHOTO_MAX_BYTES + 1)))).toEqual({ photo: ['tooLarge'] })
    expect(await refusal(encodePhoto(new Uint8Array(0)))).toEqual({ photo: ['required'] })
  })
})

// ---- the upload's input schema -------------------------------------------------------------------

describe('PhotoUploadInput', () => {
  it('reads the user id and the file from the form photoUploadForm builds', async () => {
    const file = fileOf(await png(10, 10), 'me.png', 'image/png')
    const parsed = await parseUpload(photoUploadForm(42, file, 'me.png'))
    expect(parsed.userId).toBe(42)
    expect(parsed.photo).toBeInstanceOf(File)
    expect(parsed.photo.size).toBe(file.size)
  })

  it('refuses more than 5 MB, a type other than JPEG/PNG/WebP, a missing file and a bad user id', async () => {
    const huge = fileOf(new Uint8Array(PHOTO_MAX_BYTES + 1), 'big.jpg', 'image/jpeg')
    expect((await refusal(parseUpload(photoUploadForm(1, huge, 'big.jpg')))).photo).toEqual(['tooLarge'])

    const gif = fileOf(await halves(4, 4).gif().toBuffer(), 'a.gif', 'image/gif')
    expect((await refusal(parseUpload(photoUploadForm(1, gif, 'a.gif')))).photo).toEqual(['type'])

    const noFile = new FormData()
    noFile.set('userId', '1')
    expect((await refusal(parseUpload(noFile))).photo).toEqual(['required'])

    const text = new FormData()
    text.set('userId', 'abc')
    text.set('photo', 'not a file')
    const fields = await refusal(parseUpload(text))
    expect(fields.userId?.length).toBeGreaterThan(0)
    expect(fields.photo).toEqual(['required'])
  })

  it('refuses a body that is not a form', async () => {
    expect(
      Object.keys(await refusal(Promise.resolve().then(() => parseInput(PhotoUploadInput, { userId: 1 })))),
    ).toEqual(['_'])
  })
})

// ---- the service -------------------------------------------------------------------------------------

describe('PhotoService', () => {
  let userId: number
  let otherId: number

  beforeAll(async () => {
    userId = (await createUser(t.db, 'hub', { familyName: 'Fotó', givenName: 'Flóra' })).id
    otherId = (await createUser(t.db, 'hub', { familyName: 'Másik', givenName: 'Márton' })).id
  })

  const keyOf = async (id: number) =>
    (
      await t.db.profile.findUniqueOrThrow({
        where: { userId_realmId: { userId: id, realmId: 'hub' } },
        select: { photoKey: true },
      })
    ).photoKey

  const filesOf = (id: number) => {
    const dir = join(photoDir, 'hub', 'users', String(id))
    return existsSync(dir) ? readdirSync(dir) : []
  }

  it('serves the default avatar while there is no photo', async () => {
    expect(await photos().info(userId)).toEqual({ hasPhoto: false, version: 'default' })
    const content = await photos().read(userId)
    expect(content.contentType).toBe('image/svg+xml')
    const svg = new TextDecoder().decode(content.bytes)
    expect(svg).toContain('>FF</text>')
    expect((await sharp(Buffer.from(svg)).metadata()).format).toBe('svg')
  })

  it("stores a re-encoded upload under a generated key in the user's folder and serves it", async () => {
    const info = await photos().upload(
      userId,
      fileOf(await sidewaysJpeg(900, 700), '../../evil.jpg', 'image/jpeg'),
    )
    expect(info.hasPhoto).toBe(true)
    const key = await keyOf(userId)
    expect(key).toMatch(new RegExp(`^hub/users/${userId}/[0-9a-f]{32}\\.webp$`))
    expect(filesOf(userId)).toEqual([key?.split('/').at(-1)])

    const content = await photos().read(userId)
    expect(content.contentType).toBe('image/webp')
    expect(content.version).toBe(info.version)
    expect(await sharp(content.bytes).metadata()).toMatchObject({ format: 'webp', width: 512, height: 512 })
    expect(await photos().info(userId)).toEqual(info)
  })

  it('deletes the replaced file once the profile points at the new one', async () => {
    const before = await keyOf(userId)
    const info = await photos().upload(userId, fileOf(await png(64, 64), 'p.png', 'image/png'))
    const after = await keyOf(userId)
    expect(after).not.toBe(before)
    expect(filesOf(userId)).toEqual([after?.split('/').at(-1)])
    expect(await storage().get(before ?? '')).toBeNull()
    expect((await photos().read(userId)).version).toBe(info.version)
  })

  it('keeps the old photo when an upload is refused', async () => {
    const before = await keyOf(userId)
    await refusal(photos().upload(userId, fileOf(Buffer.from('GIF89a… not really'), 'x.jpg', 'image/jpeg')))
    expect(await keyOf(userId)).toBe(before)
    expect(filesOf(userId)).toHaveLength(1)
  })

  it('leaves exactly one file when two uploads race', async () => {
    const [a, b] = await Promise.all([
      photos().upload(userId, fileOf(await png(40, 40), 'a.png', 'image/png')),
      photos().upload(userId, fileOf(await webp(50, 50), 'b.webp', 'image/webp')),
    ])
    const key = await keyOf(userId)
    expect(filesOf(userId)).toEqual([key?.split('/').at(-1)])
    expect([a.version, b.version]).toContain((await photos().info(userId)).version)
  })

  it('removes the photo: back to the default avatar, file deleted', async () => {
    const key = await keyOf(userId)
    expect(await photos().remove(userId)).toEqual({ hasPhoto: false, version: 'default' })
    expect(await keyOf(userId)).toBeNull()
    expect(await storage().get(key ?? '')).toBeNull()
    expect(filesOf(userId)).toEqual([])
    expect((await photos().read(userId)).contentType).toBe('image/svg+xml')
    // Removing again is harmless.
    expect((await photos().remove(userId)).hasPhoto).toBe(false)
  })

  it("never touches another user's photo", async () => {
    await photos().upload(otherId, fileOf(await png(30, 30), 'o.png', 'image/png'))
    const othersKey = await keyOf(otherId)
    await photos().upload(userId, fileOf(await png(30, 30), 'u.png', 'image/png'))
    await photos().remove(userId)
    expect(await keyOf(otherId)).toBe(othersKey)
    expect(await storage().get(othersKey ?? '')).not.toBeNull()
  })

  it('falls back to the default avatar when the stored file has gone missing', async () => {
    await photos().upload(otherId, fileOf(await png(30, 30), 'o.png', 'image/png'))
    await storage().delete((await keyOf(otherId)) ?? '')
    expect((await photos().read(otherId)).contentType).toBe('image/svg+xml')
  })

  it('answers 404 for an unknown user', async () => {
    const unknown = 2_000_000_000
    await expect(photos().info(unknown)).rejects.toBeInstanceOf(NotFoundError)
    await expect(photos().read(unknown)).rejects.toBeInstanceOf(NotFoundError)
    await expect(photos().remove(unknown)).rejects.toBeInstanceOf(NotFoundError)
    await expect(
      photos().upload(unknown, fileOf(await png(8, 8), 'p.png', 'image/png')),
    ).rejects.toBeInstanceOf(NotFoundError)
  })
})

// ---- the default avatar ----------------------------------------------------------------------------

describe('defaultAvatarSvg', () => {
  it('shows up to two initials, accents kept, other characters ignored', () => {
    expect(initialsOf('Kovács Anna')).toBe('KA')
    expect(initialsOf('  ödön   kis  ágnes ')).toBe('ÖÁ')
    expect(initialsOf('Csilla')).toBe('C')
    expect(initialsOf('"Kiss" (Ferenc) 42')).toBe('KF')
    expect(initialsOf('42 !!!')).toBe('')
  })

  it('never lets a name inject markup, and stays valid SVG', async () => {
    for (const name of [
      '<script>alert(1)</script> x',
      'Ödön "><img src=x onerror=alert(1)>',
      '& < > " \'',
      '',
    ]) {
      const svg = defaultAvatarSvg(name, 7)
      expect(svg).not.toMatch(/<script|<img|onerror/i)
      expect((await sharp(Buffer.from(svg)).metadata()).format).toBe('svg')
    }
  })
})

// ---- storage ------------------------------------------------------------------------------------------

describe('LocalPhotoStorage', () => {
  const root = join(folder, 'storage-root')
  const local = new LocalPhotoStorage(root)

  it('round-trips bytes and content type; a missing key is null; delete removes, twice is fine', async () => {
    const key = newPhotoKey('hub', 5, 'webp')
    const bytes = new Uint8Array([1, 2, 3, 250])
    await local.put(key, bytes, 'image/webp')
    expect(await local.get(key)).toEqual({ bytes, contentType: 'image/webp' })
    await local.put(key, new Uint8Array([9]), 'image/webp')
    expect((await local.get(key))?.bytes).toEqual(new Uint8Array([9]))
    await local.delete(key)
    expect(await local.get(key)).toBeNull()
    await local.delete(key)
    expect(await local.get(newPhotoKey('hub', 5, 'webp'))).toBeNull()
  })

  it('generates distinct keys inside the realm and user folder', () => {
    const a = newPhotoKey('hub', 12, 'webp')
    expect(a).toMatch(/^hub\/users\/12\/[0-9a-f]{32}\.webp$/)
    expect(newPhotoKey('hub', 12, 'webp')).not.toBe(a)
  })

  it('refuses every key that could leave its folder, for put, get and delete alike', async () => {
    const escapes = [
      '../outside.webp',
      'hub/../../outside.webp',
      'hub/users/../../../outside.webp',
      '/etc/passwd.png',
      '/tmp/outside.webp',
      './hub/x.webp',
      'hub/./x.webp',
      'hub//x.webp',
      'hub\\..\\..\\outside.webp',
      '..\\outside.webp',
      'hub/x.webp\0.png',
      '%2e%2e/outside.webp',
      'hub/x.webp/../../outside.webp',
      'HUB/X.webp',
      '..',
      '',
      'hub/x',
      'hub/x.svg',
      'hub/x.html',
      `hub/${'a'.repeat(300)}.webp`,
    ]
    for (const key of escapes) {
      await expect(local.put(key, new Uint8Array([1]), 'image/webp'), key).rejects.toBeInstanceOf(
        StorageKeyError,
      )
      await expect(local.get(key), key).rejects.toBeInstanceOf(StorageKeyError)
      await expect(local.delete(key), key).rejects.toBeInstanceOf(StorageKeyError)
    }
    // Nothing appeared next to the storage folders, and nothing at an absolute target either.
    expect(readdirSync(folder).filter((name) => !['photos', 'storage-root'].includes(name))).toEqual([])
    expect(existsSync('/tmp/outside.webp')).toBe(false)
  })

  it("refuses a content type that does not match the key's extension", async () => {
    await expect(
      local.put(newPhotoKey('hub', 5, 'webp'), new Uint8Array([1]), 'image/svg+xml'),
    ).rejects.toBeInstanceOf(StorageKeyError)
  })
})
