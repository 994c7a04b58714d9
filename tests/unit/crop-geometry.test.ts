import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clampCrop,
  cropLayout,
  cropRect,
  initialCrop,
  MAX_ZOOM,
  panCrop,
  zoomCrop,
} from '~/domains/user/components/crop-geometry'

const landscape = { width: 1200, height: 800 }

describe('crop geometry', () => {
  it('starts with the largest centred square', () => {
    expect(cropRect(landscape, initialCrop(landscape))).toEqual({ x: 200, y: 0, side: 800 })
  })

  it('zooms around the centre and stops at the limits', () => {
    expect(cropRect(landscape, zoomCrop(landscape, initialCrop(landscape), 2))).toEqual({
      x: 400,
      y: 200,
      side: 400,
    })
    expect(zoomCrop(landscape, initialCrop(landscape), 99).zoom).toBe(MAX_ZOOM)
    expect(zoomCrop(landscape, initialCrop(landscape), 0.1).zoom).toBe(1)
  })

  it('pans until an edge of the square meets an edge of the image', () => {
    const start = initialCrop(landscape)
    expect(cropRect(landscape, panCrop(landscape, start, -150, 0))).toEqual({ x: 50, y: 0, side: 800 })
    expect(cropRect(landscape, panCrop(landscape, start, -5000, 5000))).toEqual({ x: 0, y: 0, side: 800 })
    expect(cropRect(landscape, panCrop(landscape, start, 5000, 0))).toEqual({ x: 400, y: 0, side: 800 })
  })

  it('lays the image out so that the square exactly fills the viewport', () => {
    const crop = zoomCrop(landscape, initialCrop(landscape), 2) // the square is 400 px at (400, 200)
    expect(cropLayout(landscape, crop, 200)).toEqual({
      scale: 0.5,
      left: -200,
      top: -100,
      width: 600,
      height: 400,
    })
  })

  it('keeps the square whole and inside the image, whatever the moves', () => {
    const size = fc.record({
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 6000 }),
    })
    const move = fc.oneof(
      fc.record({
        dx: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        dy: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      }),
      fc.record({ zoom: fc.double({ min: -10, max: 10, noNaN: true }) }),
    )
    fc.assert(
      fc.property(size, fc.array(move, { maxLength: 20 }), (image, moves) => {
        let crop = initialCrop(image)
        for (const m of moves)
          crop = 'zoom' in m ? zoomCrop(image, crop, m.zoom) : panCrop(image, crop, m.dx, m.dy)
        const { x, y, side } = cropRect(image, crop)
        expect(Number.isInteger(x) && Number.isInteger(y) && Number.isInteger(side)).toBe(true)
        expect(side).toBeGreaterThanOrEqual(1)
        expect(x).toBeGreaterThanOrEqual(0)
        expect(y).toBeGreaterThanOrEqual(0)
        expect(x + side).toBeLessThanOrEqual(image.width)
        expect(y + side).toBeLessThanOrEqual(image.height)
        expect(clampCrop(image, crop)).toEqual(crop)
      }),
    )
  })
})
