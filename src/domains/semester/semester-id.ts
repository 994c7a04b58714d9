// Semester ids (PRODUCT.md, "Semesters and evaluation"). Pure and client-safe.
//
// The canonical id is `2024-2025/1`: the academic year and the half (1 autumn, 2 spring). The legacy
// 9-digit form `202420251` (the Rails and Java apps, their exports and the services that read them)
// is accepted wherever an id comes in and produced by `toLegacySemesterId` where it goes out.
// The calendar runs in Budapest time: September–January is the autumn of the academic year that
// began that September, February–August its spring (docs/decisions/0014).
import { z } from 'zod'

/** A canonical semester id: academic year and half, `2024-2025/1` (1 autumn, 2 spring). */
export type SemesterId = `${number}-${number}/${1 | 2}`

/** 1 autumn (September–January), 2 spring (February–August). */
export type Half = 1 | 2

/** The earliest and latest first year of an academic year we accept: older data predates PéK's
 * predecessors, later dates are typos. */
export const MIN_START_YEAR = 1990
export const MAX_START_YEAR = 2199

/** The validation message code of an id that is neither form, or not a real semester. */
export const SEMESTER_ID_MESSAGE = 'semesterId'

const CANONICAL = /^(\d{4})-(\d{4})\/([12])$/
const LEGACY = /^(\d{4})(\d{4})([12])$/

const inRange = (startYear: number) =>
  Number.isInteger(startYear) && startYear >= MIN_START_YEAR && startYear <= MAX_START_YEAR

function fromMatch(match: RegExpExecArray | null): SemesterId | null {
  if (!match) return null
  const start = Number(match[1])
  if (Number(match[2]) !== start + 1 || !inRange(start)) return null
  return semesterIdOf(start, match[3] === '1' ? 1 : 2)
}

/** The canonical id of either form (surrounding spaces ignored), or null when it is not one. */
export function parseSemesterId(raw: string): SemesterId | null {
  const text = raw.trim()
  return fromMatch(CANONICAL.exec(text)) ?? fromMatch(LEGACY.exec(text))
}

/** Whether `value` is a canonical id of a semester in range (the legacy form is not). */
export function isSemesterId(value: unknown): value is SemesterId {
  return typeof value === 'string' && fromMatch(CANONICAL.exec(value)) === value
}

/** A semester id read back from the database (canonical by its CHECK constraint); anything else is a bug. */
export function storedSemesterId(text: string): SemesterId {
  if (!isSemesterId(text)) throw new Error(`Stored semester id is not canonical: ${text}`)
  return text
}

/** The semester of an academic year's first year and half; a RangeError outside the year range. */
export function semesterIdOf(startYear: number, half: Half): SemesterId {
  if (!inRange(startYear)) throw new RangeError(`No semester starts in ${startYear}`)
  return `${startYear}-${startYear + 1}/${half}`
}

/** The parts of a canonical id; a RangeError for anything else (a caller's bug, not user input). */
export function semesterParts(id: SemesterId): { startYear: number; half: Half } {
  if (!isSemesterId(id)) throw new RangeError(`Not a semester id: ${id}`)
  return { startYear: Number(id.slice(0, 4)), half: id.endsWith('1') ? 1 : 2 }
}

/** `2024-2025/1` → `202420251`, the form older systems read. */
export function toLegacySemesterId(id: SemesterId): string {
  const { startYear, half } = semesterParts(id)
  return `${startYear}${startYear + 1}${half}`
}

export function previousSemester(id: SemesterId): SemesterId {
  const { startYear, half } = semesterParts(id)
  return half === 2 ? semesterIdOf(startYear, 1) : semesterIdOf(startYear - 1, 2)
}

export function nextSemester(id: SemesterId): SemesterId {
  const { startYear, half } = semesterParts(id)
  return half === 1 ? semesterIdOf(startYear, 2) : semesterIdOf(startYear + 1, 1)
}

/** Chronological order: negative when `a` comes first. (The canonical text also sorts this way.) */
export function compareSemesters(a: SemesterId, b: SemesterId): number {
  const x = semesterParts(a)
  const y = semesterParts(b)
  return x.startYear - y.startYear || x.half - y.half
}

const BUDAPEST = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Budapest',
  year: 'numeric',
  month: 'numeric',
})

/**
 * The calendar's semester of an instant, read on a Budapest wall clock: 23:30 UTC on 31 January is
 * already 1 February in Budapest, hence spring. September–January autumn, February–August spring.
 */
export function semesterOf(date: Date): SemesterId {
  const parts = Object.fromEntries(BUDAPEST.formatToParts(date).map((p) => [p.type, p.value]))
  const year = Number(parts.year)
  const month = Number(parts.month)
  if (month >= 9) return semesterIdOf(year, 1)
  return semesterIdOf(year - 1, month === 1 ? 1 : 2)
}

/**
 * A semester id as input: the canonical or the legacy form (a string, or the legacy form as a
 * number), normalised to canonical. Anything else fails with the message `semesterId`.
 */
export const SemesterId = z
  .union([z.string(), z.number()], { error: SEMESTER_ID_MESSAGE })
  .transform((raw, ctx): SemesterId => {
    const id = parseSemesterId(String(raw))
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: SEMESTER_ID_MESSAGE, input: raw })
      return z.NEVER
    }
    return id
  })
