// Invalid and odd inputs for the bad-input matrix (./bad-input.test.ts), derived from an entry
// point's valid example (./examples.ts): the example with one or two fields removed, retyped,
// reshaped or filled with strange text and numbers (ids of the wrong shape, past the int4 range,
// fractions, NaN; lone surrogates, NUL, direction overrides, combining marks, emoji, zero-width
// characters, a megabyte of text), with fields it does not have — the schema's optional ones and
// made-up ones — or replaced as a whole (null, an array, nested garbage). Whether a mutant is still
// valid is not decided here: the test asks the entry's schema, so a generator that happens to make
// a valid input only turns that case into an "odd but valid" one.
import fc from 'fast-check'

export const INT4_MAX = 2_147_483_647
const MEGABYTE = 1 << 20

/** A key path into the input; [] is the input itself. */
export type Path = readonly string[]

export interface Mutant {
  /** Each change in words, with its path. */
  what: readonly string[]
  /** The kind of each change: missing, null, wrong type, number, text, … (for the counts). */
  kinds: readonly string[]
  /** Where the changes were made. */
  paths: readonly Path[]
  input: unknown
}

interface Step {
  kind: string
  what: string
  path: Path
  apply: (input: Record<string, unknown>) => Record<string, unknown>
}

/** Text pieces an attacker or an odd keyboard sends. */
const PIECES = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uDC00b',
  '\u0000', // NUL: PostgreSQL text cannot hold it
  '\u202E', // right-to-left override
  '\u2066', // left-to-right isolate
  'e\u0301\u0302\u0303\u0304\u0305', // a stack of combining marks
  '\u0301', // a combining mark with nothing to combine with
  '👩‍👩‍👧‍👦', // a ZWJ emoji sequence
  '🏳️‍🌈',
  '\u{1F600}',
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // byte order mark
  '\u00A0',
  '\u2028',
  '\uFFFF',
  '\u{10FFFF}',
  ' ',
  '\t',
  '\r\n',
  '%',
  '_',
  '\\',
  "'",
  '"',
  '<script>alert(1)</script>',
  '\'; drop table "User"; --',
  '{{7*7}}',
  '../',
  'Ő',
  'İ',
  'ß',
  '__proto__',
  'null',
  'NaN',
]

/** Lengths around the limits the schemas set (3, 20, 30, 32, 50, 100, 200, 500, 1000, 2000, 4000, 20000). */
const NEAR_LIMITS = [
  2, 3, 4, 19, 20, 21, 29, 30, 31, 32, 33, 49, 50, 51, 99, 100, 101, 199, 200, 201, 499, 500, 501, 999, 1000,
  1001, 1999, 2000, 2001, 3999, 4000, 4001, 19_999, 20_000, 20_001,
]

// Built once: a megabyte of text of several kinds (each kept for the whole run).
const HUGE_TEXTS = [
  'a'.repeat(MEGABYTE),
  '\u{1F600}'.repeat(MEGABYTE / 2),
  '\u0000'.repeat(MEGABYTE),
  `${' '.repeat(MEGABYTE - 1)}x`,
  'e\u0301'.repeat(MEGABYTE / 2),
]

const strangeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\u200B', '\u0000', ...HUGE_TEXTS),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  fc
    .tuple(
      fc.constantFrom(...PIECES),
      fc.constantFrom(...NEAR_LIMITS),
      fc.constantFrom('x', '\u{1F600}', 'e\u0301'),
    )
    .map(([piece, length, unit]) => piece + unit.repeat(length)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
)

/** The example's own text with something strange around or inside it, or in another case. */
const spliced = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(text.toLowerCase(), text.toUpperCase(), ` ${text}`, `${text} `, `${text}${text}`),
    fc
      .tuple(fc.constantFrom(...PIECES), fc.nat({ max: text.length }))
      .map(([piece, at]) => text.slice(0, at) + piece + text.slice(at)),
  )

/** Numbers and number-like values: ids of the wrong shape and sign, past int4, fractions, NaN, digits as text. */
const strangeNumbers: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1.5,
    -(INT4_MAX + 1),
    INT4_MAX,
    INT4_MAX + 1,
    2 ** 32,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.integer({ min: INT4_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: 0 }),
  fc.integer({ min: 1, max: INT4_MAX }),
  fc.double({ noInteger: true }),
  fc.bigInt(),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1.5',
    '1e3',
    ' 7',
    '7 ',
    '0x1f',
    '007',
    '+7',
    '1_000',
    '2147483647',
    '2147483648',
    '99999999999',
    'NaN',
    'Infinity',
    '١٢٣', // Arabic-Indic digits
    '１２３', // full-width digits
  ),
  fc.integer().map(String),
)

const booleanLike = fc.constantFrom<unknown>('true', 'false', 1, 0, '', 'on', 'yes', [true])

function deeply(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}

/** Values of any type a client can send (JSON, or what the server functions' serializer carries). */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    [],
    {},
    '',
    0,
    Number.NaN,
    new Date(Number.NaN),
    new Date(0),
    deeply(500, (inner) => [inner]),
    deeply(500, (inner) => ({ a: inner })),
    new Map([['a', 1]]),
    new Set([1]),
    Object.create(null),
    new Uint8Array(4),
    new Blob(['x']),
  ),
  fc.anything({
    maxDepth: 3,
    maxKeys: 5,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
    withUnicodeString: true,
  }),
)

// Files for a multipart field: the wrong type, empty, a lie about the type, over the 5 MB limit.
const strangeFiles = fc.constantFrom<unknown>(
  new File(['not an image'], 'a.txt', { type: 'text/plain' }),
  new File([], 'empty.png', { type: 'image/png' }),
  new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'a.svg', { type: 'image/svg+xml' }),
  new File(['GIF89a'], 'a.gif', { type: 'image/gif' }),
  new File([new Uint8Array(5 * MEGABYTE + 1)], 'big.png', { type: 'image/png' }),
  new Blob(['x'], { type: 'image/png' }),
)

/** Keys an input has no business carrying. */
const MADE_UP_KEYS = [
  'extra',
  'realmId',
  'id',
  'createdBy',
  'isAdmin',
  'constructor',
  '__proto__',
  '',
  'GROUPID',
]

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)

/** An own property, even `__proto__` (as JSON.parse makes it). */
function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object }
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
  return copy
}

function updateAt(
  input: Record<string, unknown>,
  path: Path,
  change: (parent: Record<string, unknown>, key: string) => Record<string, unknown>,
): Record<string, unknown> {
  const [key, ...rest] = path
  if (key === undefined) return input
  if (!rest.length) return change(input, key)
  const child = input[key]
  return isPlainObject(child) ? withKey(input, key, updateAt(child, rest, change)) : input
}

const setAt = (path: Path, value: unknown) => (input: Record<string, unknown>) =>
  updateAt(input, path, (parent, key) => withKey(parent, key, value))

const deleteAt = (path: Path) => (input: Record<string, unknown>) =>
  updateAt(input, path, (parent, key) => {
    const { [key]: _removed, ...rest } = parent
    return rest
  })

/** Every field of the input, nested objects' fields included, with its example value. */
function fieldsOf(value: Record<string, unknown>, prefix: Path = []): { path: Path; value: unknown }[] {
  return Object.entries(value).flatMap(([key, field]) => {
    const path = [...prefix, key]
    return [{ path, value: field }, ...(isPlainObject(field) ? fieldsOf(field, path) : [])]
  })
}

const labelled = (kind: string, path: Path, value: fc.Arbitrary<unknown>): fc.Arbitrary<Step> =>
  value.map((v) => ({ kind, what: `${kind}: ${show(v)}`, path, apply: setAt(path, v) }))

/** What can be done to one field, by what its example holds. */
function stepsFor(path: Path, value: unknown): fc.Arbitrary<Step> {
  const steps: fc.WeightedArbitrary<Step>[] = [
    { weight: 1, arbitrary: fc.constant({ kind: 'missing', what: 'missing', path, apply: deleteAt(path) }) },
    { weight: 1, arbitrary: labelled('null', path, fc.constant(null)) },
    { weight: 3, arbitrary: labelled('wrong type', path, garbage) },
  ]
  const numeric = typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
  if (numeric || value === null)
    steps.push({ weight: 4, arbitrary: labelled('number', path, strangeNumbers) })
  if (typeof value === 'string' || value === null)
    steps.push({ weight: 4, arbitrary: labelled('text', path, strangeText) })
  if (typeof value === 'string' && !numeric)
    steps.push({ weight: 2, arbitrary: labelled('text', path, spliced(value)) })
  if (typeof value === 'boolean')
    steps.push({ weight: 2, arbitrary: labelled('boolean-ish', path, booleanLike) })
  if (value instanceof Blob) steps.push({ weight: 3, arbitrary: labelled('file', path, strangeFiles) })
  if (isPlainObject(value))
    steps.push({
      weight: 2,
      arbitrary: labelled(
        'reshaped',
        path,
        fc.constantFrom<unknown>(
          [value],
          Object.values(value),
          JSON.stringify(value),
          new Map(Object.entries(value)),
        ),
      ),
    })
  return fc.oneof(...steps)
}

/** A field the example leaves out: one the schema knows (optional) or a made-up one, with an odd value. */
function extraField(present: readonly string[], schemaKeys: readonly string[]): fc.Arbitrary<Step> {
  const keys = [...new Set([...schemaKeys, ...MADE_UP_KEYS])].filter((key) => !present.includes(key))
  return fc
    .tuple(fc.constantFrom(...keys), fc.oneof(garbage, strangeNumbers, strangeText, booleanLike))
    .map(([key, value]) => ({
      kind: 'extra field',
      what: `extra field: ${show(value)}`,
      path: [key],
      apply: setAt([key], value),
    }))
}

/** The input replaced as a whole. */
function wholeInput(example: unknown, view: Record<string, unknown>): fc.Arbitrary<Mutant> {
  return fc
    .oneof(
      fc.constantFrom<unknown>(
        null,
        undefined,
        [],
        [example],
        Object.values(view),
        JSON.stringify(view),
        'x',
        0,
        true,
        new Date(0),
        new Map(Object.entries(view)),
        Object.assign(Object.create(null), view),
      ),
      garbage,
    )
    .map((input) => ({ what: [`whole input: ${show(input)}`], kinds: ['whole input'], paths: [[]], input }))
}

/**
 * Mutants of `example`: its fields changed (one or two at a time), fields added, or the whole
 * replaced. `schemaKeys` are the top-level keys the entry's schema knows, so its optional fields
 * get odd values too. A FormData example is changed field by field and rebuilt as a form.
 */
export function mutantsOf(example: unknown, schemaKeys: readonly string[]): fc.Arbitrary<Mutant> {
  const form = example instanceof FormData
  const view: Record<string, unknown> = form
    ? Object.fromEntries(example.entries())
    : isPlainObject(example)
      ? example
      : {}
  const fields = fieldsOf(view)
  const step = fc.oneof(
    ...fields.map(({ path, value }) => ({ weight: 2, arbitrary: stepsFor(path, value) })),
    {
      weight: Math.max(1, Math.ceil(fields.length / 2)),
      arbitrary: extraField(Object.keys(view), schemaKeys),
    },
  )
  const changed = fc.array(step, { minLength: 1, maxLength: 2 }).map((steps) => {
    const input = steps.reduce((current, s) => s.apply(current), view)
    return {
      what: steps.map((s) => `${s.path.join('.')}: ${s.what}`),
      kinds: steps.map((s) => s.kind),
      paths: steps.map((s) => s.path),
      input: form ? formOf(input) : input,
    }
  })
  return fc
    .oneof({ weight: 1, arbitrary: wholeInput(example, view) }, { weight: 6, arbitrary: changed })
    .map((mutant) => ({ ...mutant, [fc.toStringMethod]: () => mutant.what.join('; ') }))
}

/** A multipart form carries text and files only: anything else arrives as its text. */
function formOf(fields: Record<string, unknown>): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    form.set(key, value instanceof Blob ? value : textOf(value))
  }
  return form
}

/** What a form field carries for a value: its text, or its kind when it has none (no or a broken toString). */
function textOf(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/** A short, printable account of a value for a failure message (a megabyte of text is not shown). */
export function show(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 60
      ? `${JSON.stringify(value.slice(0, 20))}… (${value.length} chars)`
      : JSON.stringify(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
  if (value instanceof Blob)
    return `${value.constructor.name}(${value.type || 'no type'}, ${value.size} bytes)`
  if (value instanceof FormData) return `FormData{${[...value.keys()].join(', ')}}`
  try {
    const text =
      JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value)
    return text.length > 80 ? `${text.slice(0, 80)}… (${Object.prototype.toString.call(value)})` : text
  } catch {
    return Object.prototype.toString.call(value)
  }
}
