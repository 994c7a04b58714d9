// A `datetime-local` value is a wall-clock time without a zone. PéK's calendar runs on Budapest time
// (docs/decisions/0014), so the council leader types Budapest time whatever zone the browser is in.
// Pure and client-safe.

const BUDAPEST = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Budapest',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

/** The Budapest wall clock of an instant, as milliseconds of a UTC date with the same fields. */
function budapestWallClock(instant: number): number {
  const parts = Object.fromEntries(BUDAPEST.formatToParts(instant).map((p) => [p.type, Number(p.value)]))
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The instant a Budapest wall-clock `YYYY-MM-DDTHH:mm` names, or null when the text is not one.
 * In the autumn's repeated hour the earlier (summer-time) instant is taken; a time skipped in spring
 * is read with the offset before the change, landing an hour later on the wall clock.
 */
export function fromBudapestInput(value: string): Date | null {
  const match = LOCAL.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0))
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0)
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== day) return null
  // Offsets are +1 or +2 hours: try the larger first (the earlier instant), keep the one that fits.
  for (const offsetHours of [2, 1]) {
    const instant = wall - offsetHours * 3_600_000
    if (budapestWallClock(instant) === wall) return new Date(instant)
  }
  return new Date(wall - 3_600_000)
}

/** The `datetime-local` value (to the minute) of an instant on the Budapest wall clock. */
export function toBudapestInput(instant: Date): string {
  return new Date(budapestWallClock(instant.getTime())).toISOString().slice(0, 16)
}
