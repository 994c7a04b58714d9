// Multi-row INSERTs over pg: each chunk of rows goes as one statement of column arrays
// (INSERT … SELECT FROM unnest($1::int[], $2::text[], …)), a few statements per 10,000 rows.
import type pg from 'pg'

export interface Column<R> {
  name: string
  /** The array's element type in SQL (int, text, timestamp(3), boolean). */
  type: string
  /** A cast from the element type, for enums: `"MembershipStatus"`. */
  cast?: string
  value: (row: R) => unknown
}

const CHUNK = 20_000

export async function bulkInsert<R>(
  client: pg.ClientBase,
  table: string,
  columns: Column<R>[],
  rows: readonly R[],
): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(', ')
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')
  const aliases = columns.map((_, i) => `c${i}`)
  const select = columns.map((c, i) => (c.cast ? `${aliases[i]}::${c.cast}` : aliases[i])).join(', ')
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${arrays}) AS t(${aliases.join(', ')})`
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    await client.query(
      sql,
      columns.map((c) => chunk.map(c.value)),
    )
  }
}

/** Explicit ids leave a serial sequence behind: move it past the loaded rows. */
export async function syncSequence(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(
    `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`,
  )
}
