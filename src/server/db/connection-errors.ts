// The app's pg pool, with one addition: the driver's errors that carry no code get a type.
//
// When PostgreSQL restarts, most failures arrive typed — a SQLSTATE from the server (57P01 admin
// shutdown, 57P03 starting up), a socket error code (ECONNREFUSED), which the Prisma adapter maps
// to kinds (./unavailable.ts). But pg reports a connection that ends under a running query, a
// client that is no longer queryable, or a connect that times out as plain `Error`s without a
// code, which the adapter rethrows as they are. pg raises such codeless errors only for connection
// and protocol failures, so this wrapper turns each into a DatabaseConnectionError (the original as
// its `cause`): the error mapping answers 503 instead of 500 without reading any message text.
//
// Recovery needs nothing more: pg-pool drops a client whose connection failed and opens new ones
// on demand, and the adapter listens for errors of idle clients, so a restart costs the requests in
// flight, not the process.
import pg from 'pg'

export class DatabaseConnectionError extends Error {
  constructor(cause: Error) {
    super('The database connection failed', { cause })
    this.name = 'DatabaseConnectionError'
  }
}

/** A driver error without a code (no SQLSTATE, no system error code) becomes a DatabaseConnectionError. */
export function typedConnectionError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof DatabaseConnectionError) return error
  const code = (error as { code?: unknown }).code
  return code === undefined ? new DatabaseConnectionError(error) : error
}

type Query = (...args: unknown[]) => unknown

/**
 * Wraps the promise form of `query` (the one the Prisma adapter uses); the callback form, which
 * pg-pool uses inside, is left alone — its errors surface through the promise form above it.
 */
function typeQueryErrors(target: { query: unknown }): void {
  const query = (target.query as Query).bind(target)
  target.query = (...args: unknown[]) => {
    const result = query(...args)
    if (typeof args.at(-1) === 'function' || !(result instanceof Promise)) return result
    return result.catch((error: unknown) => {
      throw typedConnectionError(error)
    })
  }
}

const typedClients = new WeakSet<pg.PoolClient>()

/** A pg pool whose codeless driver errors are DatabaseConnectionErrors; give it to PrismaPg. */
export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config)
  typeQueryErrors(pool)
  // Transactions check out a client with connect() and query it directly.
  const connect = pool.connect.bind(pool)
  pool.connect = ((callback?: unknown) => {
    if (typeof callback === 'function') return connect(callback as Parameters<typeof connect>[0])
    return connect().then(
      (client) => {
        if (!typedClients.has(client)) {
          typeQueryErrors(client)
          typedClients.add(client)
        }
        return client
      },
      (error: unknown) => {
        throw typedConnectionError(error)
      },
    )
  }) as typeof pool.connect
  return pool
}
