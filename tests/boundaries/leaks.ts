/**
 * The markers (./world.ts) a body carries that the caller did not send: data a refused call gave
 * away, or data of another target an answer showed.
 */
export function leakedMarkers(body: unknown, markers: readonly string[], input: unknown): string[] {
  const text = JSON.stringify(body) ?? ''
  const sent = JSON.stringify(input) ?? ''
  return markers.filter((marker) => text.includes(marker) && !sent.includes(marker))
}
