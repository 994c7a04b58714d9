import {
  type Dispatch,
  type KeyboardEvent,
  type PointerEvent,
  type SetStateAction,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { useT } from '~/i18n'
import {
  type Crop,
  cropLayout,
  cropSide,
  type ImageSize,
  initialCrop,
  MAX_ZOOM,
  MIN_ZOOM,
  panCrop,
  zoomCrop,
} from './crop-geometry'

export type PhotoCropperProps = {
  /** An object URL of the chosen file. */
  src: string
  size: ImageSize
  crop: Crop
  onCropChange: Dispatch<SetStateAction<Crop>>
}

const ZOOM_STEP = 0.25

/** What a key does to the crop; `step` is how far an arrow moves it, in image pixels. */
function keyMove(key: string, size: ImageSize, step: number): ((crop: Crop) => Crop) | undefined {
  switch (key) {
    case 'ArrowLeft':
      return (c) => panCrop(size, c, -step, 0)
    case 'ArrowRight':
      return (c) => panCrop(size, c, step, 0)
    case 'ArrowUp':
      return (c) => panCrop(size, c, 0, -step)
    case 'ArrowDown':
      return (c) => panCrop(size, c, 0, step)
    case '+':
    case '=':
      return (c) => zoomCrop(size, c, c.zoom + ZOOM_STEP)
    case '-':
      return (c) => zoomCrop(size, c, c.zoom - ZOOM_STEP)
    case '0':
    case 'Home':
      return () => initialCrop(size)
    default:
      return undefined
  }
}

/**
 * Pick the square to keep: the image moves under a fixed circle. Pointer (mouse, touch, pen) drags;
 * the focused area answers arrow keys (Shift: bigger steps), + / − zoom and 0 resets; the slider
 * zooms too. The circle is only a guide: the upload is the whole square, shown round everywhere.
 */
export function PhotoCropper({ src, size, crop, onCropChange }: PhotoCropperProps) {
  const t = useT()
  const zoomId = useId()
  const instructionsId = useId()
  const viewportRef = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState(0)
  const drag = useRef<{ pointerId: number; x: number; y: number } | null>(null)

  useEffect(() => {
    const element = viewportRef.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => setViewport(entry?.contentRect.width ?? 0))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const layout = cropLayout(size, crop, viewport || 1)

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const last = drag.current
    if (!last || last.pointerId !== event.pointerId) return
    drag.current = { ...last, x: event.clientX, y: event.clientY }
    // Dragging the picture right shows more of its left side: the square moves the other way.
    const dx = (last.x - event.clientX) / layout.scale
    const dy = (last.y - event.clientY) / layout.scale
    onCropChange((current) => panCrop(size, current, dx, dy))
  }
  const endDrag = () => {
    drag.current = null
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = cropSide(size, crop.zoom) * (event.shiftKey ? 0.25 : 0.05)
    const move = keyMove(event.key, size, step)
    if (!move) return
    event.preventDefault()
    onCropChange(move)
  }

  return (
    <div className="flex flex-col items-center gap-4">
      <div
        ref={viewportRef}
        role="application"
        aria-label={t('photo.cropper.area')}
        aria-describedby={instructionsId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a two-dimensional control with its own keys (see the instructions)
        tabIndex={0}
        data-testid="photo-crop-area"
        className={
          'relative aspect-square w-full max-w-80 cursor-move touch-none select-none overflow-hidden rounded-lg ' +
          'bg-gray-900 outline-offset-2 focus-visible:outline-3 focus-visible:outline-brand-600'
        }
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onKeyDown={onKeyDown}
      >
        {viewport > 0 && (
          <img
            src={src}
            alt=""
            draggable={false}
            className="pointer-events-none absolute top-0 left-0 max-w-none origin-top-left"
            style={{
              width: layout.width,
              height: layout.height,
              transform: `translate(${layout.left}px, ${layout.top}px)`,
            }}
          />
        )}
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 rounded-full ring-2 ring-white/90"
          style={{ boxShadow: '0 0 0 100vmax rgb(17 24 39 / 0.55)' }}
        />
      </div>
      <p id={instructionsId} className="max-w-80 text-center text-sm text-gray-600">
        {t('photo.cropper.instructions')}
      </p>
      <div className="flex w-full max-w-80 flex-col gap-1.5">
        <label htmlFor={zoomId} className="text-sm font-medium text-gray-900">
          {t('photo.cropper.zoom')}
        </label>
        <input
          id={zoomId}
          type="range"
          min={MIN_ZOOM}
          max={MAX_ZOOM}
          step={0.01}
          value={crop.zoom}
          aria-valuetext={`${Math.round(crop.zoom * 100)}%`}
          onChange={(event) => {
            const zoom = Number(event.target.value)
            onCropChange((current) => zoomCrop(size, current, zoom))
          }}
          className="w-full accent-brand-700"
        />
      </div>
    </div>
  )
}
