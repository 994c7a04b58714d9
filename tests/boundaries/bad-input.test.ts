// Bad-input matrix, generated from the entry-point registry: for every entry point, inputs derived
// from its valid example (./mutants.ts) — fields missing, of the wrong type or shape, strange text
// and numbers, fields it does not know, the whole input replaced — seeded, so a failure reproduces.
// Each input is first classified by the entry's own schema:
// - refused by it: the schema's messages name the field that was changed (or the fields a rule
//   across fields compares), and through the transport the call answers 400 carrying exactly those
//   field messages — never a 500, never another code — and leaves the realm's tables unchanged;
// - accepted by it (the generator made a valid, odd input): what the schema hands the service is
//   safe to store (whole numbers within int4, text within the longest field's limit, real dates),
//   and through the transport the call, made by a user holding every right so that it reaches the
//   service and the database, answers without a 5xx and, when it refuses, changes nothing.
// Parsing is cheap, so every entry gets many schema cases; fewer go through the transport, only a
// few valid ones to the database. Counts and the seed: test-results/boundaries-bad-input.json.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ZodError, z } from 'zod'
import { ENTRY_POINTS } from '~/domains/entry-points'
import { REPORT_MAX_LENGTH } from '~/domains/evaluation/evaluation.schema'
import type { EntryPoint } from '~/server/auth/entry-point'
import { fieldErrorsOf } from '~/server/http/error-mapping'
import { exampleOf } from './examples'
import { worldFixture } from './fixture'
import { grantEverywhere, newUser } from './grants'
import { INT4_MAX, type Mutant, mutantsOf, type Path, show } from './mutants'
import { realmState } from './realm-state'
import { writeResults } from './tally'

/** Fixed, so a failure reproduces; set BAD_INPUT_SEED to explore other inputs. */
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20_261_207)
/** Per entry point: inputs checked against its schema alone, … */
const PARSED = 300
/** … inputs sent through its transport, … */
const CALLED = 60
/** … and at most this many of those that are valid, which reach the database. */
const VALID_CALLED = 10

const { t, world, call, tokenOf } = worldFixture('bad-input')

interface Counts {
  /** What the inputs (both phases) changed, by kind: missing, null, wrong type, number, text, … */
  kinds: Record<string, number>
  parsed: { refused: number; valid: number }
  called: { refused: number; valid: number; statuses: Record<number, number> }
}
const counts = new Map<string, Counts>()

afterAll(() => {
  const perEntry = Object.fromEntries(counts)
  const total = [...counts.values()].reduce(
    (sum, c) => sum + c.parsed.refused + c.parsed.valid + c.called.refused + c.called.valid,
    0,
  )
  writeResults('bad-input', {
    seed: SEED,
    perEntryPoint: { parsed: PARSED, called: CALLED, validCalledAtMost: VALID_CALLED },
    entryPoints: counts.size,
    cases: total,
    counts: perEntry,
  })
})

let token: string
let callerId: number

beforeAll(async () => {
  callerId = await newUser(t.db, world())
  await grantEverywhere(t.db, world(), callerId, ['supreme:sudo'])
  token = await tokenOf(callerId)
})

describe(`bad input (seed ${SEED}): refused with field messages, never a 5xx or a write`, () => {
  for (const entry of ENTRY_POINTS) it(entry.name, () => entryMatrix(entry))
})

async function entryMatrix(entry: EntryPoint) {
  const w = world()
  const example = exampleOf(entry)
  const mutants = mutantsOf(example.input(w), schemaKeysOf(entry))
  const seed = seedOf(entry)
  const c: Counts = {
    kinds: {},
    parsed: { refused: 0, valid: 0 },
    called: { refused: 0, valid: 0, statuses: {} },
  }
  const verdict = (mutant: Mutant) => {
    for (const kind of mutant.kinds) c.kinds[kind] = (c.kinds[kind] ?? 0) + 1
    return verdictOf(entry, mutant)
  }

  // The schema alone, at a high count: fast-check shrinks a failure and prints its seed and path.
  fc.assert(
    fc.property(mutants, (mutant) => {
      c.parsed[verdict(mutant).valid ? 'valid' : 'refused']++
    }),
    { seed, numRuns: PARSED },
  )

  // Through the transport: the same kind of inputs, a sample of its own.
  const sample = fc.sample(mutants, { seed: seed + 1, numRuns: CALLED })
  const where = (i: number, mutant: Mutant) =>
    `${entry.name} (seed ${seed + 1}, sample #${i}): ${mutant.what.join('; ')}`
  const classified = sample.map((mutant, i) => ({ i, mutant, verdict: verdict(mutant) }))
  const refused = classified.flatMap(({ i, mutant, verdict }) =>
    verdict.valid ? [] : [{ i, mutant, fields: verdict.fields }],
  )
  const valid = classified.filter(({ verdict }) => verdict.valid).slice(0, VALID_CALLED)

  const before = await realmState(t.db, w.realmId)
  for (const { i, mutant, fields } of refused) {
    const outcome = await call(entry, mutant.input, token)
    expect([where(i, mutant), outcome.status, fieldsIn(outcome.body)]).toEqual([
      where(i, mutant),
      400,
      fields,
    ])
    c.called.refused++
  }
  if ((await realmState(t.db, w.realmId)) !== before) {
    // The batch wrote something: find the input that does it again, one call at a time.
    const writer = await firstWriter(entry, refused)
    expect.fail(
      `a refused input changed the realm: ${writer ? where(writer.i, writer.mutant) : 'none again alone'}`,
    )
  }

  await example.prepare?.({ db: t.db, world: w, callerId })
  for (const { i, mutant } of valid) {
    const state = await realmState(t.db, w.realmId)
    const outcome = await call(entry, mutant.input, token)
    expect([where(i, mutant), outcome.status < 500], JSON.stringify(outcome.body)).toEqual([
      where(i, mutant),
      true,
    ])
    if (outcome.status !== 200)
      expect([where(i, mutant), await realmState(t.db, w.realmId)]).toEqual([where(i, mutant), state])
    c.called.valid++
    c.called.statuses[outcome.status] = (c.called.statuses[outcome.status] ?? 0) + 1
  }
  counts.set(entry.name, c)
}

type Verdict = { valid: true } | { valid: false; fields: Record<string, string[]> }

/** What the entry's schema says of the mutant, checked: a refusal names the changed field, an acceptance is safe to store. */
function verdictOf(entry: EntryPoint, mutant: Mutant): Verdict {
  const parsed = entry.input.safeParse(mutant.input)
  if (parsed.success) {
    expect([mutant.what, unsafeValues(parsed.data)]).toEqual([mutant.what, []])
    return { valid: true }
  }
  const unrelated = parsed.error.issues.filter(
    (issue) => issue.code !== 'custom' && !mutant.paths.some((path) => names(issue, path)),
  )
  expect([mutant.what, unrelated]).toEqual([mutant.what, []])
  const fields = fieldErrorsOf(parsed.error)
  expect(Object.values(fields).flat().length).toBeGreaterThan(0)
  return { valid: false, fields }
}

type Issue = ZodError['issues'][number]

/**
 * Whether a schema's message is about the changed `path`: at it, inside it, or on the object that
 * holds it; a field that is not allowed is named by the object refusing it. A rule across fields
 * (a custom issue, e.g. the caps' order) may name another field than the one changed.
 */
function names(issue: Issue, path: Path): boolean {
  if (!path.length) return true
  const at = issue.path.map(String)
  if (issue.code === 'unrecognized_keys')
    return isPrefix(at, path.slice(0, -1)) && issue.keys.includes(path.at(-1) ?? '')
  return at.length > 0 && (isPrefix(at, path) || isPrefix(path, at))
}

const isPrefix = (prefix: readonly string[], path: readonly string[]) =>
  prefix.length <= path.length && prefix.every((key, i) => path[i] === key)

/** NUL (PostgreSQL's text cannot hold it) or half of a surrogate pair (it would be stored as U+FFFD). */
const UNSTORABLE = /[\0\p{Cs}]/u

/**
 * What a valid input must not hand the service: a number the database's int4 columns cannot hold
 * (or no whole number at all), text longer than the longest field allows or that PostgreSQL cannot
 * store as sent, a date that is not one.
 */
function unsafeValues(value: unknown, at = 'input'): string[] {
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) <= INT4_MAX ? [] : [`${at}: ${show(value)}`]
  if (typeof value === 'string')
    return value.length <= REPORT_MAX_LENGTH && !UNSTORABLE.test(value) ? [] : [`${at}: ${show(value)}`]
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? [`${at}: invalid date`] : []
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeValues(item, `${at}.${i}`))
  if (typeof value === 'object' && value !== null && !(value instanceof Blob))
    return Object.entries(value).flatMap(([key, item]) => unsafeValues(item, `${at}.${key}`))
  return []
}

/** The field messages of an error body: tRPC's `data.fields`, or a guarded route's `error.fields`. */
function fieldsIn(body: unknown): unknown {
  const shape = z
    .object({
      data: z.object({ fields: z.unknown() }).optional(),
      error: z.object({ fields: z.unknown() }).optional(),
    })
    .safeParse(body)
  return shape.success ? (shape.data.data?.fields ?? shape.data.error?.fields) : undefined
}

/** The top-level keys the entry's schema knows, optional ones included. */
function schemaKeysOf(entry: EntryPoint): string[] {
  const json = z.toJSONSchema(entry.input, { io: 'input', unrepresentable: 'any' })
  return Object.keys(json.properties ?? {})
}

/** The entry's own seed: the run's seed and its name (FNV-1a), so adding an entry changes no other's cases. */
function seedOf(entry: EntryPoint): number {
  let hash = 0x811c9dc5
  for (const char of entry.name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return (SEED ^ hash) >>> 1
}

async function firstWriter(entry: EntryPoint, cases: { i: number; mutant: Mutant }[]) {
  for (const kase of cases) {
    const before = await realmState(t.db, world().realmId)
    await call(entry, kase.mutant.input, token)
    if ((await realmState(t.db, world().realmId)) !== before) return kase
  }
  return undefined
}
