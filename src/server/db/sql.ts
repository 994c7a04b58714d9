// Hot reads without Prisma: a statement composed with Prisma.sql goes straight to the pg pool of
// the app's realm client. The pool's connections are bound to the realm (client.ts), so row-level
// security applies exactly as to Prisma's own queries; the statement must still name the realm.
//
// Why: on top of pg, Prisma costs 0.15 ms of CPU for a raw statement and 0.6 ms for a model query
// with relations; on a small read that is a third of the request (docs/performance.md, fix 22;
// ADR 0029). Writes stay with Prisma, but for the point cell save, which runs in `transaction`,
// and a session's once-a-minute lastSeenAt, which rides on a request like any read.
import pg from 'pg'
import { Prisma } from '~/generated/prisma/client'

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

/**
 * Each statement text gets a name, so pg prepares it once per connection and PostgreSQL plans it
 * once (after five runs, a generic plan when that costs no more than the custom ones): planning
 * was most of the database's time for the lateral joins here — 0.6 of 0.9 ms for memberRows
 * (docs/performance.md, fix 27). The texts come from the code's templates, so they are few; the cap
 * keeps a statement built from unbounded input (none today) from filling every connection's cache.
 */
const names = new Map<string, string>()
const MAX_NAMED_STATEMENTS = 500

/** The prepared-statement name of a statement text; undefined (unnamed) once the cap is reached. */
export function statementName(text: string): string | undefined {
  const known = names.get(text)
  if (known !== undefined || names.size >= MAX_NAMED_STATEMENTS) return known
  const name = `pek_sql_${names.size}`
  names.set(text, name)
  return name
}

export interface Sql {
  /** The rows of one statement. */
  rows<Row>(query: Prisma.Sql): Promise<Row[]>
}

/** The realm's pool: reads, and transactions on one of its connections. */
export interface SqlPool extends Sql {
  /**
   * Runs `work` on one connection between BEGIN and COMMIT; rolled back when it throws (the error is
   * rethrown). For a hot write whose statements are few and raw (fix 26): Prisma's interactive
   * transaction costs several times the statements' own CPU.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>
}

function on(queryable: pg.Pool | pg.PoolClient): Sql {
  return {
    async rows<Row>(query: Prisma.Sql) {
      const { text } = query
      const values = query.values.map(param)
      const result = await queryable.query({ name: statementName(text), text, values, types })
      return result.rows as Row[]
    },
  }
}

export function sqlOver(pool: pg.Pool): SqlPool {
  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect()
      // A connection whose ROLLBACK failed is in an unknown state: the pool must not hand it out again.
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await work(on(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError
        })
        throw error
      } finally {
        client.release(broken)
      }
    },
  }
}

/** A row lock held until the transaction ends: `share` to rely on a row, `update` to change it. */
export type RowLock = 'share' | 'update'

/** The locking clause that ends a SELECT taking `mode`. */
export const lockingClause = (mode: RowLock): Prisma.Sql =>
  mode === 'update' ? Prisma.sql`FOR UPDATE` : Prisma.sql`FOR SHARE`

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
