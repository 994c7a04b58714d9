// Profile photos: the stored image (through PhotoStorage) and its key on the profile. The key is
// always generated here from realm, user id and a random part; nothing from a request names a file.
import { createHash } from 'node:crypto'
import { inject, injectable } from 'tsyringe'
import type { RealmClient } from '~/server/db/client'
import { LOGGER, PHOTO_STORAGE, PRISMA, REALM_ID } from '~/server/di/tokens'
import { ConflictError, NotFoundError } from '~/server/errors'
import type { Logger } from '~/server/logger'
import { newPhotoKey, type PhotoStorage } from '~/server/storage/photo-storage'
import { defaultAvatarSvg } from './default-avatar'
import type { PhotoInfo } from './photo.schema'
import { encodePhoto } from './photo-image'

/** What GET /api/users/$userId/photo sends: the photo, or the default avatar. */
export interface PhotoContent {
  bytes: Uint8Array<ArrayBuffer>
  contentType: string
  /** Changes whenever the bytes do (the ETag and the URL's version). */
  version: string
}

const DEFAULT_VERSION = 'default'
// Two uploads at the same moment: each retries its compare-and-set against the other's key.
const MAX_SWAP_ATTEMPTS = 5

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22)

/** The key itself stays private: it names the realm and the user's folder. */
const versionOf = (key: string | null) => (key ? digest(key) : DEFAULT_VERSION)

@injectable()
export class PhotoService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @inject(LOGGER) private readonly log: Logger,
  ) {}

  async info(userId: number): Promise<PhotoInfo> {
    const key = await this.currentKey(userId)
    return { hasPhoto: key !== null, version: versionOf(key) }
  }

  /** Decodes and re-encodes the upload, stores it, points the profile at it, then drops the old file. */
  async upload(userId: number, photo: Blob): Promise<PhotoInfo> {
    await this.currentKey(userId) // an unknown user is a 404 before any work
    const encoded = await encodePhoto(new Uint8Array(await photo.arrayBuffer()))
    const key = newPhotoKey(this.realmId, userId, encoded.extension)
    await this.storage.put(key, encoded.bytes, encoded.contentType)
    let previous: string | null
    try {
      previous = await this.swapKey(userId, key)
    } catch (error) {
      await this.discard(key)
      throw error
    }
    if (previous) await this.discard(previous)
    return { hasPhoto: true, version: versionOf(key) }
  }

  /** Back to the default avatar. */
  async remove(userId: number): Promise<PhotoInfo> {
    const previous = await this.swapKey(userId, null)
    if (previous) await this.discard(previous)
    return { hasPhoto: false, version: DEFAULT_VERSION }
  }

  async read(userId: number): Promise<PhotoContent> {
    const user = await this.db.user.findUnique({
      where: { id_realmId: { id: userId, realmId: this.realmId } },
      select: { displayName: true, profile: { select: { photoKey: true } } },
    })
    if (!user) throw new NotFoundError('user', userId)
    const key = user.profile?.photoKey ?? null
    if (key) {
      const stored = await this.storage.get(key)
      if (stored) return { ...stored, version: versionOf(key) }
      this.log.warn('photo file missing, serving the default avatar', { userId, key })
    }
    const svg = defaultAvatarSvg(user.displayName, userId)
    return {
      bytes: new TextEncoder().encode(svg),
      contentType: 'image/svg+xml',
      version: `${DEFAULT_VERSION}-${digest(svg)}`,
    }
  }

  private async currentKey(userId: number): Promise<string | null> {
    const profile = await this.db.profile.findUnique({
      where: { userId_realmId: { userId, realmId: this.realmId } },
      select: { photoKey: true },
    })
    if (!profile) throw new NotFoundError('user', userId)
    return profile.photoKey
  }

  /**
   * Sets the profile's key if nobody changed it since we read it, and returns the key it replaced:
   * without the compare, two simultaneous uploads would both delete the same old file and leave
   * one new file that no profile points at. The profile's `version` is left alone: it guards the
   * edit form, and a new photo must not turn an open form's save into a conflict.
   */
  private async swapKey(userId: number, next: string | null): Promise<string | null> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const current = await this.currentKey(userId)
      const { count } = await this.db.profile.updateMany({
        where: { realmId: this.realmId, userId, photoKey: current },
        data: { photoKey: next },
      })
      if (count === 1) return current
    }
    throw new ConflictError('the photo kept changing; try again')
  }

  /** A file left behind costs disk space, not correctness: log it instead of failing the request. */
  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key)
    } catch (error) {
      this.log.warn('could not delete a photo file', { key, error: String(error) })
    }
  }
}
