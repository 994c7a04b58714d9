// Semester ids: both forms in, canonical out; the calendar rule on Budapest's wall clock at every
// month boundary; previous/next and ordering; invalid input refused with the `semesterId` message.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareSemesters,
  type Half,
  isSemesterId,
  MAX_START_YEAR,
  MIN_START_YEAR,
  nextSemester,
  parseSemesterId,
  previousSemester,
  SEMESTER_ID_MESSAGE,
  SemesterId,
  semesterIdOf,
  semesterOf,
  semesterParts,
  toLegacySemesterId,
} from '~/domains/semester/semester-id'

const startYear = fc.integer({ min: MIN_START_YEAR, max: MAX_START_YEAR })
const half = fc.constantFrom<Half>(1, 2)
const semester = fc.tuple(startYear, half).map(([year, h]) => semesterIdOf(year, h))
/** Semesters with a neighbour on both sides inside the range. */
const inner = semester.filter(
  (s) => s !== semesterIdOf(MIN_START_YEAR, 1) && s !== semesterIdOf(MAX_START_YEAR, 2),
)

describe('the two forms', () => {
  it('reads the canonical and the legacy form as the same semester', () => {
    expect(parseSemesterId('2024-2025/1')).toBe('2024-2025/1')
    expect(parseSemesterId('202420251')).toBe('2024-2025/1')
    expect(parseSemesterId('202420252')).toBe('2024-2025/2')
    expect(parseSemesterId('  2024-2025/2 ')).toBe('2024-2025/2')
    expect(toLegacySemesterId('2024-2025/1')).toBe('202420251')
    expect(toLegacySemesterId('1999-2000/2')).toBe('199920002')
  })

  it('round-trips canonical → legacy → canonical, and legacy → canonical → legacy', () => {
    fc.assert(
      fc.property(semester, (id) => {
        const legacy = toLegacySemesterId(id)
        expect(legacy).toMatch(/^\d{9}$/)
        expect(parseSemesterId(legacy)).toBe(id)
        expect(toLegacySemesterId(parseSemesterId(legacy) ?? id)).toBe(legacy)
        expect(parseSemesterId(id)).toBe(id)
        expect(isSemesterId(id)).toBe(true)
        expect(isSemesterId(legacy)).toBe(false)
      }),
    )
  })

  it('refuses what is not a semester', () => {
    const bad = [
      '',
      '2024-2026/1', // the second year must follow the first
      '2024-2024/1',
      '2024-2025/3', // halves are 1 and 2
      '2024-2025/0',
      '202420253',
      '202420261',
      '2024/2025/1',
      '2024-25/1',
      '24-25/1',
      '2024-2025',
      '2024-2025/1x',
      '2024-2025 /1',
      '2024−2025/1', // a minus sign, not a hyphen
      '２０２４-２０２５/1', // full-width digits
      '20242025１',
      '1989-1990/2', // before the range
      '198919902',
      '2200-2201/1', // after it
      '220022011',
      '0000-0001/1',
      '9999-10000/1',
    ]
    for (const raw of bad) expect(parseSemesterId(raw), raw).toBeNull()
  })

  it('refuses any other text of digits and punctuation unless it is one of the forms', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9\-/ ]{0,14}$/), (raw) => {
        const id = parseSemesterId(raw)
        if (id === null) return
        const text = raw.trim()
        expect(text === id || text === toLegacySemesterId(id)).toBe(true)
      }),
    )
  })

  it('keeps the year range at both ends', () => {
    expect(semesterIdOf(MIN_START_YEAR, 1)).toBe('1990-1991/1')
    expect(semesterIdOf(MAX_START_YEAR, 2)).toBe('2199-2200/2')
    expect(() => semesterIdOf(MIN_START_YEAR - 1, 2)).toThrow(RangeError)
    expect(() => semesterIdOf(MAX_START_YEAR + 1, 1)).toThrow(RangeError)
    expect(() => previousSemester('1990-1991/1')).toThrow(RangeError)
    expect(() => nextSemester('2199-2200/2')).toThrow(RangeError)
    expect(() => semesterParts('2024-2026/1' as SemesterId)).toThrow(RangeError)
  })
})

describe('the zod schema', () => {
  it('normalises either form (and the legacy form as a number) to canonical', () => {
    expect(SemesterId.parse('2024-2025/2')).toBe('2024-2025/2')
    expect(SemesterId.parse('202420252')).toBe('2024-2025/2')
    expect(SemesterId.parse(202420251)).toBe('2024-2025/1')
  })

  it('fails with the semesterId message on anything else', () => {
    for (const raw of [
      '2024-2026/1',
      '202420253',
      '',
      2024,
      null,
      undefined,
      {},
      ['2024-2025/1'],
      202420251.5,
    ]) {
      const result = SemesterId.safeParse(raw)
      expect(result.success, String(raw)).toBe(false)
      expect(result.error?.issues.map((i) => i.message)).toEqual([SEMESTER_ID_MESSAGE])
    }
  })
})

describe('stepping and order', () => {
  it('steps half a year at a time', () => {
    expect(previousSemester('2024-2025/2')).toBe('2024-2025/1')
    expect(previousSemester('2024-2025/1')).toBe('2023-2024/2')
    expect(nextSemester('2024-2025/1')).toBe('2024-2025/2')
    expect(nextSemester('2024-2025/2')).toBe('2025-2026/1')
  })

  it('previous(next(x)) = x = next(previous(x)), and next comes after', () => {
    fc.assert(
      fc.property(inner, (id) => {
        expect(previousSemester(nextSemester(id))).toBe(id)
        expect(nextSemester(previousSemester(id))).toBe(id)
        expect(compareSemesters(id, nextSemester(id))).toBeLessThan(0)
        expect(compareSemesters(id, previousSemester(id))).toBeGreaterThan(0)
      }),
    )
  })

  it('orders like the canonical text and like the legacy number', () => {
    fc.assert(
      fc.property(semester, semester, (a, b) => {
        const order = Math.sign(compareSemesters(a, b))
        expect(Math.sign(a.localeCompare(b))).toBe(order)
        expect(Math.sign(Number(toLegacySemesterId(a)) - Number(toLegacySemesterId(b)))).toBe(order)
        expect(order === 0).toBe(a === b)
      }),
    )
  })
})

describe('the calendar, on the Budapest wall clock', () => {
  // An instant given as Budapest wall-clock time: whichever of winter (UTC+1) and summer time (UTC+2)
  // shows that time on a Budapest clock.
  const WALL = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Budapest',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const wall = (date: Date) => {
    const p = Object.fromEntries(WALL.formatToParts(date).map((part) => [part.type, part.value]))
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`
  }
  const budapest = (local: string) => {
    const date = ['+01:00', '+02:00']
      .map((offset) => new Date(`${local}${offset}`))
      .find((d) => wall(d) === local.slice(0, 19))
    if (!date) throw new Error(`${local} is no Budapest time`)
    return date
  }

  // [last moment of one month, first moment of the next, semester before, semester after] for the
  // academic year 2024-2025: the semester changes only at the end of January and of August.
  const boundaries: [string, string, string, string][] = [
    ['2024-08-31T23:59:59.999', '2024-09-01T00:00:00.000', '2023-2024/2', '2024-2025/1'],
    ['2024-09-30T23:59:59.999', '2024-10-01T00:00:00.000', '2024-2025/1', '2024-2025/1'],
    ['2024-10-31T23:59:59.999', '2024-11-01T00:00:00.000', '2024-2025/1', '2024-2025/1'],
    ['2024-11-30T23:59:59.999', '2024-12-01T00:00:00.000', '2024-2025/1', '2024-2025/1'],
    ['2024-12-31T23:59:59.999', '2025-01-01T00:00:00.000', '2024-2025/1', '2024-2025/1'],
    ['2025-01-31T23:59:59.999', '2025-02-01T00:00:00.000', '2024-2025/1', '2024-2025/2'],
    ['2025-02-28T23:59:59.999', '2025-03-01T00:00:00.000', '2024-2025/2', '2024-2025/2'],
    ['2025-03-31T23:59:59.999', '2025-04-01T00:00:00.000', '2024-2025/2', '2024-2025/2'],
    ['2025-04-30T23:59:59.999', '2025-05-01T00:00:00.000', '2024-2025/2', '2024-2025/2'],
    ['2025-05-31T23:59:59.999', '2025-06-01T00:00:00.000', '2024-2025/2', '2024-2025/2'],
    ['2025-06-30T23:59:59.999', '2025-07-01T00:00:00.000', '2024-2025/2', '2024-2025/2'],
    ['2025-07-31T23:59:59.999', '2025-08-01T00:00:00.000', '2024-2025/2', '2024-2025/2'],
    ['2025-08-31T23:59:59.999', '2025-09-01T00:00:00.000', '2024-2025/2', '2025-2026/1'],
  ]

  it('changes semester exactly at Budapest midnight of 1 February and 1 September', () => {
    for (const [last, first, before, after] of boundaries) {
      expect(semesterOf(budapest(last)), last).toBe(before)
      expect(semesterOf(budapest(first)), first).toBe(after)
    }
  })

  it('follows Budapest, not UTC, at the two boundaries (winter and summer time)', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Budapest: spring already.
    expect(semesterOf(new Date('2025-01-31T23:30:00Z'))).toBe('2024-2025/2')
    expect(semesterOf(new Date('2025-01-31T22:59:59Z'))).toBe('2024-2025/1')
    // 22:30 UTC on 31 August is 00:30 on 1 September (summer time, UTC+2): autumn already.
    expect(semesterOf(new Date('2025-08-31T22:30:00Z'))).toBe('2025-2026/1')
    expect(semesterOf(new Date('2025-08-31T21:59:59Z'))).toBe('2024-2025/2')
    // A leap year's February stays spring to its last day.
    expect(semesterOf(budapest('2024-02-29T23:59:59.999'))).toBe('2023-2024/2')
  })

  it('puts every day of every year in the semester the month rule names', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1991, max: 2198 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const id = semesterOf(
            budapest(
              `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00.000`,
            ),
          )
          const expected =
            month >= 9
              ? semesterIdOf(year, 1)
              : month === 1
                ? semesterIdOf(year - 1, 1)
                : semesterIdOf(year - 1, 2)
          expect(id).toBe(expected)
        },
      ),
    )
  })
})
