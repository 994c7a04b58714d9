// Bulk inserts for the demo dataset and the bench's (tests/bench/dataset/load.ts): one
// `INSERT … SELECT FROM unnest(…)` per table, each column sent as one array parameter. On the
// embedded PGlite this is several times faster than createMany (which binds every value
// separately), and `pnpm dev` loads the demo data on its first start.
// Raw SQL bypasses the realm guard (docs/decisions/0003-realm-enforcement.md): the realm is named
// here, on every row, from the caller's argument.

type Value = string | number | boolean | Date | null

/** A column: its name, the PostgreSQL type its array is cast to, and how a row gives its value. */
export interface Column<Row> {
  name: string
  type: 'int' | 'text' | 'boolean' | 'jsonb' | 'timestamp(3)' | `"${string}"`
  value: (row: Row) => Value
}

interface Executor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>
}

/** Dates go as ISO text: `timestamp(3)` keeps the UTC wall time whatever the session's time zone. */
const param = (value: Value) => (value instanceof Date ? value.toISOString() : value)

/** Inserts `rows` into `table` of `realmId` in one statement; nothing for no rows. */
export async function insertRows<Row>(
  db: Executor,
  table: string,
  realmId: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return
  const names = ['realmId', ...columns.map((c) => c.name)].map((n) => `"${n}"`).join(', ')
  const arrays = columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${names}) SELECT $1, * FROM unnest(${arrays})`,
    realmId,
    ...columns.map((c) => rows.map((row) => param(c.value(row)))),
  )
}

/** Explicit ids leave a table's serial sequence behind; moves it past the realm-wide maximum. */
export async function advanceSequence(db: Executor, table: string): Promise<void> {
  await db.$executeRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`,
  )
}
