// The square crop as numbers, apart from any DOM: the cropper renders it, the keyboard and the
// pointer change it, the canvas cuts it out. Coordinates are the image's own (natural) pixels.

export interface ImageSize {
  width: number
  height: number
}

/** The crop square: centred on (cx, cy); `zoom` 1 is the largest square that fits the image. */
export interface Crop {
  zoom: number
  cx: number
  cy: number
}

export const MIN_ZOOM = 1
export const MAX_ZOOM = 4

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

export function cropSide(size: ImageSize, zoom: number): number {
  return Math.min(size.width, size.height) / clamp(zoom, MIN_ZOOM, MAX_ZOOM)
}

/** The largest centred square. */
export function initialCrop(size: ImageSize): Crop {
  return { zoom: MIN_ZOOM, cx: size.width / 2, cy: size.height / 2 }
}

/** Keeps the zoom in range and the whole square inside the image. */
export function clampCrop(size: ImageSize, crop: Crop): Crop {
  const zoom = clamp(crop.zoom, MIN_ZOOM, MAX_ZOOM)
  const half = cropSide(size, zoom) / 2
  return {
    zoom,
    cx: clamp(crop.cx, half, size.width - half),
    cy: clamp(crop.cy, half, size.height - half),
  }
}

/** Moves the square by (dx, dy) image pixels. */
export function panCrop(size: ImageSize, crop: Crop, dx: number, dy: number): Crop {
  return clampCrop(size, { ...crop, cx: crop.cx + dx, cy: crop.cy + dy })
}

/** Zooms around the square's centre. */
export function zoomCrop(size: ImageSize, crop: Crop, zoom: number): Crop {
  return clampCrop(size, { ...crop, zoom })
}

/** The source rectangle in whole pixels, never outside the image. */
export function cropRect(size: ImageSize, crop: Crop): { x: number; y: number; side: number } {
  const { zoom, cx, cy } = clampCrop(size, crop)
  const side = Math.max(1, Math.min(Math.round(cropSide(size, zoom)), size.width, size.height))
  return {
    x: clamp(Math.round(cx - side / 2), 0, size.width - side),
    y: clamp(Math.round(cy - side / 2), 0, size.height - side),
    side,
  }
}

/** How the image is laid out in a square viewport of `viewport` CSS pixels showing the crop. */
export function cropLayout(size: ImageSize, crop: Crop, viewport: number) {
  const scale = viewport / cropSide(size, crop.zoom)
  return {
    scale,
    left: viewport / 2 - crop.cx * scale,
    top: viewport / 2 - crop.cy * scale,
    width: size.width * scale,
    height: size.height * scale,
  }
}
