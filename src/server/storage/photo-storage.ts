// Where profile photos live. The interface is all the domain sees; the hub binds the local-folder
// implementation (PHOTO_STORAGE token), an object store can replace it without touching callers.
import { randomBytes } from 'node:crypto'

export interface StoredObject {
  bytes: Uint8Array<ArrayBuffer>
  contentType: string
}

export interface PhotoStorage {
  /** Stores (or replaces) the object under `key`. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** null when nothing is stored under `key`. */
  get(key: string): Promise<StoredObject | null>
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>
}

/** The formats we store, by key extension: a key's extension is its content type. */
export const CONTENT_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
}

/** A key that is not one of ours. Keys are generated, never taken from a request, so this is a bug. */
export class StorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key ${JSON.stringify(key.slice(0, 100))}`)
    this.name = 'StorageKeyError'
  }
}

// Lower-case path segments that cannot be `.`/`..`, be empty, or hold separators of any platform.
const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9]+$/
const MAX_KEY_LENGTH = 200

/** Throws unless `key` has the shape newPhotoKey produces; returns its content type. */
export function contentTypeOfKey(key: string): string {
  const extension = key.slice(key.lastIndexOf('.') + 1)
  const contentType = CONTENT_TYPE_BY_EXTENSION[extension]
  if (key.length > MAX_KEY_LENGTH || !SAFE_KEY.test(key) || !contentType) throw new StorageKeyError(key)
  return contentType
}

/**
 * A fresh key for a user's photo: realm and user id keep a realm's files together (and make an
 * export or a deletion per user a folder operation), the random part makes every version a new key,
 * so caches keyed by it never serve a replaced photo.
 */
export function newPhotoKey(realmId: string, userId: number, extension: string): string {
  const key = `${realmId}/users/${userId}/${randomBytes(16).toString('hex')}.${extension}`
  contentTypeOfKey(key)
  return key
}
