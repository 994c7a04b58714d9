import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Roster } from '~/domains/membership/membership.schema'
import { dateKeysOf, jsonResponse, readJson } from '~/shared/json-wire'

/** What the browser gets: the response's bytes, as fetch would hand them over. */
const overTheWire = async (response: Response) => new Response(await response.arrayBuffer(), response)

describe('the JSON wire', () => {
  const Item = z.object({ id: z.number(), at: z.date().nullable(), tags: z.array(z.string()) })
  const List = z.object({ items: z.array(Item), updated: z.date().optional(), note: z.string() })

  it('finds the date keys anywhere in a schema', () => {
    expect([...dateKeysOf(List)].sort()).toEqual(['at', 'updated'])
    expect([...dateKeysOf(Roster)].sort()).toEqual(['since', 'statusSince'])
    expect(dateKeysOf(z.object({ name: z.string() }))).toEqual([])
    expect(dateKeysOf(z.object({ list: z.array(z.object({ at: z.date() })).readonly() }))).toEqual(['at'])
  })

  it('refuses a schema with a Date it could not find again (a record value, the whole value)', () => {
    const byDay = z.object({ byDay: z.record(z.string(), z.date()) })
    expect(() => dateKeysOf(byDay)).toThrow(/key of its own/)
    expect(() => jsonResponse({ byDay: {} }, byDay)).toThrow(/key of its own/)
    expect(() => dateKeysOf(z.date())).toThrow(/key of its own/)
  })

  it('brings back the same data, Dates as Dates, and leaves the server-side object as it was', async () => {
    const value = {
      items: [
        {
          id: 1,
          at: new Date('2026-12-01T10:00:00.123Z'),
          tags: ['a', 'ő"<\u2028', 'Árvíztűrő tükörfúrógép 🙂'],
        },
        { id: 2, at: null, tags: [] },
      ],
      updated: new Date('2026-11-30T23:59:59Z'),
      note: 'at', // a date key's name as a plain value stays a string
    }
    const copy = structuredClone(value)
    const response = jsonResponse(value, List)
    expect(value).toEqual(copy)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const received = await readJson(overTheWire(response), List)
    expect(received).toEqual(copy)
    expect(received.items[0]?.at).toBeInstanceOf(Date)
  })

  it('sends arrays as they are', async () => {
    const list = [{ id: 1, at: new Date('2026-01-01T00:00:00Z'), tags: [] }]
    expect(await readJson(overTheWire(jsonResponse(list, z.array(Item))), z.array(Item))).toEqual(list)
  })

  it('writes a frozen value once (taken as unchanging) and any other value every time', async () => {
    const Names = z.array(z.object({ name: z.string() })).readonly()
    const kept = { name: 'Kör' }
    const frozen = Object.freeze([kept])
    const first = await jsonResponse(frozen, Names).text()
    kept.name = 'Átnevezett kör'
    expect(await jsonResponse(frozen, Names).text()).toBe(first)
    const open = [{ name: 'Kör' }]
    expect(await jsonResponse(open, Names).text()).toBe(first)
    open[0] = { name: 'Átnevezett kör' }
    expect(JSON.parse(await jsonResponse(open, Names).text())).toEqual(open)
  })

  it('rejects an answer that is not a success', async () => {
    await expect(readJson(Promise.resolve(new Response('{}', { status: 502 })), List)).rejects.toThrow(/502/)
  })
})
