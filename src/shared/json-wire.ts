// Large results cross the wire as one JSON string (issue 8, docs/performance.md). Start serialises a
// server function's result with Seroval, which turns every value into a node of its own: for the
// directory's 400 groups that is 170 KB of nodes built, stringified and encoded, twice the CPU of
// JSON.stringify. A result marked with `overJson` is sent as one string instead, and the browser
// parses it back; on the server (a loader during SSR) it is the very object the handler returned.
// docs/decisions/0028-large-results-as-json.md.
import { createSerializationAdapter } from '@tanstack/react-router'
import { z } from 'zod'

const DATE_KEYS = Symbol('pek.json-wire.date-keys')

type Marked = object & { [DATE_KEYS]: readonly string[] }

interface Wire {
  json: string
  dateKeys: string[]
}

const dateKeysBySchema = new WeakMap<z.ZodType, readonly string[]>()

/**
 * The keys under which `schema` holds a Date, anywhere in it (objects, arrays, records, nullable,
 * optional, default, readonly). A Date without a key of its own (the whole value, a record's values)
 * could not be revived: such a schema is refused here, on the server, before anything is sent.
 */
export function dateKeysOf(schema: z.ZodType): readonly string[] {
  const known = dateKeysBySchema.get(schema)
  if (known) return known
  const keys = new Set<string>()
  const walk = (s: z.ZodType, key: string | undefined): void => {
    if (s instanceof z.ZodDate) {
      if (key === undefined) throw new Error('json-wire: a Date needs a key of its own to be revived')
      keys.add(key)
    } else if (
      s instanceof z.ZodNullable ||
      s instanceof z.ZodOptional ||
      s instanceof z.ZodDefault ||
      s instanceof z.ZodReadonly
    )
      walk(s.unwrap() as z.ZodType, key)
    else if (s instanceof z.ZodArray) walk(s.element as z.ZodType, key)
    else if (s instanceof z.ZodRecord) walk(s.valueType as z.ZodType, undefined)
    else if (s instanceof z.ZodObject) for (const [k, v] of Object.entries(s.shape)) walk(v as z.ZodType, k)
  }
  walk(schema, undefined)
  const found = [...keys]
  dateKeysBySchema.set(schema, found)
  return found
}

/**
 * Marks `value` — plain data of `schema`: objects, arrays, strings, numbers, booleans, null and
 * Dates — to cross to the browser as one JSON string. It must be an object (not an array: Seroval
 * looks at arrays before any adapter), and must hold no `undefined` that matters (JSON drops it).
 */
export function overJson<T extends object>(value: T, schema: z.ZodType<T>): T {
  Object.defineProperty(value, DATE_KEYS, { value: dateKeysOf(schema) })
  return value
}

const reviveDates =
  (dateKeys: ReadonlySet<string>) =>
  (key: string, value: unknown): unknown =>
    typeof value === 'string' && dateKeys.has(key) ? new Date(value) : value

export const jsonWireAdapter = createSerializationAdapter({
  key: 'pek/json',
  test: (value: unknown): value is Marked =>
    typeof value === 'object' && value !== null && DATE_KEYS in value,
  toSerializable: (value: Marked): Wire => ({ json: JSON.stringify(value), dateKeys: [...value[DATE_KEYS]] }),
  fromSerializable: (wire: Wire): Marked =>
    JSON.parse(wire.json, wire.dateKeys.length ? reviveDates(new Set(wire.dateKeys)) : undefined),
})
