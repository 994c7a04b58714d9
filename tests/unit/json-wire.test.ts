import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Roster } from '~/domains/membership/membership.schema'
import { dateKeysOf, jsonWireAdapter, overJson } from '~/shared/json-wire'

/** What the browser gets: the adapter's wire, through a JSON round trip (Seroval carries it as such). */
const overTheWire = (value: unknown): unknown => {
  if (!jsonWireAdapter.test(value)) throw new Error('not marked')
  const wire = JSON.parse(JSON.stringify(jsonWireAdapter.toSerializable(value)))
  return jsonWireAdapter.fromSerializable(wire)
}

describe('overJson', () => {
  const Item = z.object({ id: z.number(), at: z.date().nullable(), tags: z.array(z.string()) })
  const List = z.object({ items: z.array(Item), updated: z.date().optional(), note: z.string() })

  it('finds the date keys anywhere in a schema', () => {
    expect([...dateKeysOf(List)].sort()).toEqual(['at', 'updated'])
    expect([...dateKeysOf(Roster)].sort()).toEqual(['since', 'statusSince'])
    expect(dateKeysOf(z.object({ name: z.string() }))).toEqual([])
    expect(dateKeysOf(z.object({ list: z.array(z.object({ at: z.date() })).readonly() }))).toEqual(['at'])
  })

  it('refuses a schema with a Date it could not find again (a record value, the whole value)', () => {
    expect(() => dateKeysOf(z.object({ byDay: z.record(z.string(), z.date()) }))).toThrow(/key of its own/)
    expect(() => dateKeysOf(z.date())).toThrow(/key of its own/)
  })

  it('brings back the same data, Dates as Dates, and leaves the server-side object as it was', () => {
    const value = {
      items: [
        { id: 1, at: new Date('2026-12-01T10:00:00.123Z'), tags: ['a', 'ő"<\u2028'] },
        { id: 2, at: null, tags: [] },
      ],
      updated: new Date('2026-11-30T23:59:59Z'),
      note: 'at', // a date key's name as a plain value stays a string
    }
    const copy = structuredClone(value)
    const marked = overJson(value, List)
    expect(marked).toBe(value)
    expect(marked).toEqual(copy)
    expect(Object.keys(marked)).toEqual(['items', 'updated', 'note'])
    const received = overTheWire(marked)
    expect(received).toEqual(copy)
    expect(List.parse(received).items[0]?.at).toBeInstanceOf(Date)
  })

  it('marks nothing it was not given: plain results keep Seroval', () => {
    expect(jsonWireAdapter.test({ items: [] })).toBe(false)
    expect(jsonWireAdapter.test(null)).toBe(false)
  })
})
