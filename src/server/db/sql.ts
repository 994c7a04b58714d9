// Hot reads without Prisma: a statement composed with Prisma.sql goes straight to the pg pool of
// the app's realm client. The pool's connections are bound to the realm (client.ts), so row-level
// security applies exactly as to Prisma's own queries; the statement must still name the realm.
//
// Why: on top of pg, Prisma costs 0.15 ms of CPU for a raw statement and 0.6 ms for a model query
// with relations; on a small read that is a third of the request (docs/performance.md, fix 22;
// ADR 0029). Not for writes, nor inside a transaction: those stay with Prisma.
import pg from 'pg'
import type { Prisma } from '~/generated/prisma/client'

/** What columns come back as, matching Prisma's $queryRaw where the types are used here. */
const TIMESTAMP = 1114
const TIMESTAMP_ARRAY = 1115
const DATE = 1082
const INT8 = 20

/** PostgreSQL's `timestamp` (without zone) holds UTC here, as Prisma writes it. */
const utcDate = (text: string) => new Date(`${text.replace(' ', 'T')}Z`)

function safeInteger(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a number`)
  return value
}

const PARSERS: Record<number, (text: string) => unknown> = {
  [TIMESTAMP]: utcDate,
  // pg would read the elements in the process's time zone; nothing here needs such an array yet.
  [TIMESTAMP_ARRAY]: () => {
    throw new TypeError('timestamp[] is not read through Sql: aggregate the values as JSON or text')
  },
  [DATE]: (text) => new Date(`${text}T00:00:00Z`),
  // Counts: a number, as everywhere else in the app (Prisma would answer a BigInt).
  [INT8]: safeInteger,
}

const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    (format !== 'binary' && PARSERS[oid]) || pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig

/** pg would send a Date in the process's time zone, which a `timestamp` column drops: send UTC. */
const param = (value: unknown) => (value instanceof Date ? value.toISOString() : value)

export interface Sql {
  /** The rows of one read statement. */
  rows<Row>(query: Prisma.Sql): Promise<Row[]>
}

export function sqlOver(pool: pg.Pool): Sql {
  return {
    async rows<Row>(query: Prisma.Sql) {
      const result = await pool.query({ text: query.text, values: query.values.map(param), types })
      return result.rows as Row[]
    },
  }
}

/** A Prisma client or transaction: where a raw statement must see the caller's transaction. */
type PrismaRaw = { $queryRaw<T = unknown>(query: Prisma.Sql): PromiseLike<T> }

/**
 * An Sql that runs on a Prisma client instead: for seeds and tools that hold the owner's client and
 * no realm-bound pool. Prisma answers a bigint column as a BigInt where `sqlOver` answers a number.
 */
export function sqlThrough(client: PrismaRaw): Sql {
  return { rows: <Row>(query: Prisma.Sql) => Promise.resolve(client.$queryRaw<Row[]>(query)) }
}

/** Where a shared read may run: without Prisma, or inside the caller's transaction. */
export type Reader = Sql | PrismaRaw

export function readRows<Row>(reader: Reader, query: Prisma.Sql): Promise<Row[]> {
  return ('rows' in reader ? reader : sqlThrough(reader)).rows<Row>(query)
}
