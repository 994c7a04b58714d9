// "Probably inactive" for the directory (PRODUCT.md, "Groups"): a group over a year old with no
// evaluation in either of the two semesters before the current one. Pure: the caller supplies the
// semesters in which the group has an evaluation. Evaluations arrive with issue 6; until then there
// is no source for them, so nothing calls this with real data yet — the evaluation service will
// list a group's evaluated semesters and the directory will pass them here, with the global current
// semester (set by the RVT leader) instead of the calendar's.

/** A semester's canonical id: academic year and half, `2024-2025/1` (1 autumn, 2 spring). */
export type SemesterId = `${number}-${number}/${1 | 2}`

const SEMESTER = /^(\d{4})-(\d{4})\/([12])$/

function parts(id: SemesterId): { start: number; half: 1 | 2 } {
  const match = SEMESTER.exec(id)
  if (!match || Number(match[2]) !== Number(match[1]) + 1) throw new RangeError(`Not a semester id: ${id}`)
  return { start: Number(match[1]), half: match[3] === '1' ? 1 : 2 }
}

const idOf = (start: number, half: 1 | 2): SemesterId => `${start}-${start + 1}/${half}`

const BUDAPEST = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Budapest',
  year: 'numeric',
  month: 'numeric',
})

/** The calendar's semester of a day in Budapest: September–January autumn, February–August spring. */
export function semesterOf(date: Date): SemesterId {
  const p = Object.fromEntries(BUDAPEST.formatToParts(date).map((part) => [part.type, part.value]))
  const year = Number(p.year)
  const month = Number(p.month)
  if (month >= 9) return idOf(year, 1)
  return month === 1 ? idOf(year - 1, 1) : idOf(year - 1, 2)
}

export function previousSemester(id: SemesterId): SemesterId {
  const { start, half } = parts(id)
  return half === 2 ? idOf(start, 1) : idOf(start - 1, 2)
}

/**
 * Whether the directory should mark the group as probably inactive: created over a year before
 * `now` and no evaluation in either of the two semesters before `current`.
 */
export function isProbablyInactive(
  createdAt: Date,
  semestersWithEvaluation: Iterable<SemesterId>,
  now: Date,
  current: SemesterId = semesterOf(now),
): boolean {
  const yearAgo = new Date(now)
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1)
  if (createdAt > yearAgo) return false
  const evaluated = new Set(semestersWithEvaluation)
  const previous = previousSemester(current)
  return !evaluated.has(previous) && !evaluated.has(previousSemester(previous))
}
