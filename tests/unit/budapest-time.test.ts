// The schedule form reads a datetime-local value as Budapest wall-clock time, whatever zone the
// browser is in (src/domains/semester/components/budapest-time.ts).
import { describe, expect, it } from 'vitest'
import { fromBudapestInput, toBudapestInput } from '~/domains/semester/components/budapest-time'

describe('fromBudapestInput', () => {
  it('reads winter time as +01:00 and summer time as +02:00', () => {
    expect(fromBudapestInput('2027-02-01T00:00')?.toISOString()).toBe('2027-01-31T23:00:00.000Z')
    expect(fromBudapestInput('2027-07-01T12:34')?.toISOString()).toBe('2027-07-01T10:34:00.000Z')
  })

  it('takes the earlier instant of the repeated autumn hour, and moves a skipped spring time on', () => {
    expect(fromBudapestInput('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(fromBudapestInput('2027-03-28T02:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z')
  })

  it('refuses what is not a wall-clock time', () => {
    for (const text of ['', '2027-02-30T10:00', '2027-02-01', 'tomorrow', '2027-02-01T25:00'])
      expect(fromBudapestInput(text)).toBeNull()
  })

  it('round-trips with toBudapestInput', () => {
    for (const text of ['2026-12-31T23:59', '2027-08-15T08:05', '2026-10-25T03:00'])
      expect(toBudapestInput(fromBudapestInput(text) ?? new Date(Number.NaN))).toBe(text)
  })
})
