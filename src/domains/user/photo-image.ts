// Decoding and re-encoding an uploaded photo (server only: sharp is native). Only the pixels
// survive: EXIF (location, camera), ICC and XMP are dropped, and anything that does not decode as a
// JPEG, PNG or WebP is refused, whatever its name or declared type says.
import sharp from 'sharp'
import { ValidationError } from '~/server/errors'
import { PHOTO_MAX_BYTES, PHOTO_MAX_SIDE, type PhotoErrorCode } from './photo.schema'

/** Decoding cost grows with pixels, not bytes: a small file can still be a huge image. */
const MAX_INPUT_PIXELS = 40_000_000

export interface EncodedPhoto {
  bytes: Uint8Array
  contentType: 'image/webp'
  extension: 'webp'
}

const refuse = (code: PhotoErrorCode) => new ValidationError({ photo: [code] })

const startsWith = (bytes: Uint8Array, offset: number, signature: readonly number[]) =>
  signature.every((byte, i) => bytes[offset + i] === byte)

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** The container by its magic bytes, so other formats libvips could read (SVG, TIFF, GIF…) never reach it. */
export function sniffFormat(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) return 'webp'
  return null
}

/**
 * Turns upload bytes into the stored photo: oriented upright, cropped to the centred square (the
 * browser has already cropped; this only enforces it), at most PHOTO_MAX_SIDE pixels a side, WebP.
 */
export async function encodePhoto(input: Uint8Array): Promise<EncodedPhoto> {
  if (input.byteLength === 0) throw refuse('required')
  if (input.byteLength > PHOTO_MAX_BYTES) throw refuse('tooLarge')
  const format = sniffFormat(input)
  if (!format) throw refuse('type')
  const options = { limitInputPixels: MAX_INPUT_PIXELS, animated: false } as const
  let size: { width: number; height: number }
  try {
    const metadata = await sharp(input, options).metadata()
    if (metadata.format !== format) throw refuse('type')
    size = metadata.autoOrient
  } catch (error) {
    if (error instanceof ValidationError) throw error
    throw refuse('unreadable')
  }
  if (size.width * size.height > MAX_INPUT_PIXELS) throw refuse('tooManyPixels')
  const side = Math.min(size.width, size.height)
  try {
    const output = await sharp(input, options)
      .autoOrient()
      .extract({
        left: Math.floor((size.width - side) / 2),
        top: Math.floor((size.height - side) / 2),
        width: side,
        height: side,
      })
      .resize(Math.min(side, PHOTO_MAX_SIDE), Math.min(side, PHOTO_MAX_SIDE))
      .webp({ quality: 85 })
      .toBuffer()
    return { bytes: new Uint8Array(output), contentType: 'image/webp', extension: 'webp' }
  } catch {
    // Headers can be fine and the pixel data truncated or corrupt: that is still the upload's fault.
    throw refuse('unreadable')
  }
}
