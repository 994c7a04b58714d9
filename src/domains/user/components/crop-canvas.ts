// Cuts the crop out of the loaded image in the browser. The server decodes and re-encodes whatever
// arrives anyway; this only keeps the upload small and shows the user exactly what they chose.
import { PHOTO_MAX_SIDE } from '../photo.schema'
import { type Crop, cropRect, type ImageSize } from './crop-geometry'

export interface CroppedPhoto {
  blob: Blob
  fileName: string
}

export async function cropToBlob(
  image: HTMLImageElement,
  size: ImageSize,
  crop: Crop,
): Promise<CroppedPhoto> {
  const { x, y, side } = cropRect(size, crop)
  const out = Math.min(side, PHOTO_MAX_SIDE)
  const canvas = document.createElement('canvas')
  canvas.width = out
  canvas.height = out
  const context = canvas.getContext('2d')
  if (!context) throw new Error('2D canvas is not available')
  context.imageSmoothingQuality = 'high'
  context.drawImage(image, x, y, side, side, 0, 0, out, out)
  // Browsers without a WebP encoder hand back PNG, which the server accepts as well.
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/webp', 0.92))
  if (!blob) throw new Error('the canvas produced no image')
  return { blob, fileName: blob.type === 'image/webp' ? 'photo.webp' : 'photo.png' }
}
