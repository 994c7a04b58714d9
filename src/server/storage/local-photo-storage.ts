// PhotoStorage on the local file system: one file per key under the configured folder
// (PHOTO_STORAGE_DIR). The content type is not stored: it follows from the key's extension.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import { contentTypeOfKey, type PhotoStorage, StorageKeyError, type StoredObject } from './photo-storage'

const isMissing = (error: unknown) =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')

export class LocalPhotoStorage implements PhotoStorage {
  private readonly root: string

  constructor(folder: string) {
    this.root = resolve(folder)
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    if (contentTypeOfKey(key) !== contentType) throw new StorageKeyError(key)
    const file = this.fileOf(key)
    await mkdir(dirname(file), { recursive: true })
    // Write-then-rename: a reader never sees half a file, and a crash leaves only a temp file.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await writeFile(temp, bytes, { flag: 'wx' })
      await rename(temp, file)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const contentType = contentTypeOfKey(key)
    try {
      return { bytes: new Uint8Array(await readFile(this.fileOf(key))), contentType }
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    contentTypeOfKey(key)
    await rm(this.fileOf(key), { force: true })
  }

  /** The key's file, checked a second time after resolving: it must lie inside the root folder. */
  private fileOf(key: string): string {
    contentTypeOfKey(key)
    const file = resolve(this.root, key)
    if (!file.startsWith(this.root + sep)) throw new StorageKeyError(key)
    return file
  }
}
