// Large results cross the wire as plain JSON (issue 8, docs/performance.md; ADR 0030). Start
// serialises a server function's result with Seroval, which turns every value into a node of its
// own, escapes every string for JavaScript and encodes the whole again: for the directory's 400
// groups half of the request's CPU. A handler that answers `jsonResponse(result, Schema)` returns a
// Response instead, which Start hands to the caller untouched (a "raw response"); the caller reads
// it with `readJson(call, Schema)`, Dates revived under the keys the schema names. During SSR the
// loader runs the same two steps in-process.
import { z } from 'zod'

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

/** The text of a frozen value, kept: the directory's cached list is sent as is, many times a second. */
const textOfFrozen = new WeakMap<object, string>()

function jsonText(value: unknown): string {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return JSON.stringify(value)
  let text = textOfFrozen.get(value)
  if (text === undefined) {
    text = JSON.stringify(value)
    textOfFrozen.set(value, text)
  }
  return text
}

/**
 * The answer of a server function whose result is large plain data of `schema` (strings, numbers,
 * booleans, null, arrays, objects and Dates; no `undefined` that matters, JSON drops it). A frozen
 * result is taken as deeply unchanging: its text is computed once.
 */
export function jsonResponse<S extends z.ZodType>(value: z.output<S>, schema: S): Response {
  // Here, not only in readJson: a schema whose Dates could not be revived fails on the server.
  dateKeysOf(schema)
  return new Response(jsonText(value), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
}

const reviveDates =
  (dateKeys: ReadonlySet<string>) =>
  (key: string, value: unknown): unknown =>
    typeof value === 'string' && dateKeys.has(key) ? new Date(value) : value

/**
 * The result a `jsonResponse` carries. Not validated again: the server built it from the same
 * schema's output; only the Dates are brought back.
 */
export async function readJson<S extends z.ZodType>(
  call: Promise<Response>,
  schema: S,
): Promise<z.output<S>> {
  const response = await call
  if (!response.ok) throw new Error(`json-wire: the server answered ${response.status}`)
  const keys = dateKeysOf(schema)
  return JSON.parse(await response.text(), keys.length ? reviveDates(new Set(keys)) : undefined)
}
