import type { World } from './world'

/**
 * The world's markers a body carries that the caller did not send: the data of the target (or of
 * anyone) that a refused call gave away.
 */
export function leakedMarkers(body: unknown, world: World, input: unknown): string[] {
  const text = JSON.stringify(body) ?? ''
  const sent = JSON.stringify(input) ?? ''
  return world.markers.filter((marker) => text.includes(marker) && !sent.includes(marker))
}
