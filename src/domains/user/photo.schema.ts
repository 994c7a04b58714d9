// Profile photo inputs and outputs, shared by the upload form (checks before sending, builds the
// FormData) and the server (the guard parses the same schema). Messages are stable codes: the UI
// translates `photo.errors.<code>`.
import { z } from 'zod'
import { Id } from '~/shared/ids'

/** PRODUCT.md: at most 5 MB per upload. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
/** The stored photo is a square of at most this many pixels a side. */
export const PHOTO_MAX_SIDE = 512

export const PHOTO_ERROR_CODES = ['required', 'tooLarge', 'type', 'unreadable', 'tooManyPixels'] as const
export type PhotoErrorCode = (typeof PHOTO_ERROR_CODES)[number]

export const isPhotoErrorCode = (message: string): message is PhotoErrorCode =>
  (PHOTO_ERROR_CODES as readonly string[]).includes(message)

/** The type the browser claims is only a first filter: the server decodes the bytes themselves. */
export const PhotoFile = z
  .file({ error: 'required' })
  .max(PHOTO_MAX_BYTES, { error: 'tooLarge' })
  .mime([...PHOTO_TYPES], { error: 'type' })

export const PhotoOwnerInput = z.object({ userId: Id })
export type PhotoOwnerInput = z.input<typeof PhotoOwnerInput>

/** The multipart form field names, written by photoUploadForm and read by PhotoUploadInput. */
const FIELDS = { userId: 'userId', photo: 'photo' } as const

export function photoUploadForm(userId: number, photo: Blob, fileName: string): FormData {
  const form = new FormData()
  form.set(FIELDS.userId, String(userId))
  form.set(FIELDS.photo, photo, fileName)
  return form
}

const PhotoUploadFields = z.object({ userId: Id, photo: PhotoFile })

export const PhotoUploadInput = z
  .instanceof(FormData, { error: 'invalid' })
  // Form values are strings or files of any shape; the cast only lets the pipe check them.
  .transform(
    (form) =>
      ({
        userId: form.get(FIELDS.userId) ?? undefined,
        photo: form.get(FIELDS.photo) ?? undefined,
      }) as z.input<typeof PhotoUploadFields>,
  )
  .pipe(PhotoUploadFields)
export type PhotoUploadInput = z.input<typeof PhotoUploadInput>

export const PhotoInfo = z.object({
  hasPhoto: z.boolean(),
  /** Changes whenever the photo does: put it into the URL so a browser never shows a stale one. */
  version: z.string(),
})
export type PhotoInfo = z.infer<typeof PhotoInfo>
