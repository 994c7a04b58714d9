// Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg: the native
// schema-engine binary cannot be downloaded on our machines. adapter-pg needs four workarounds when
// the schema engine drives it; each is marked PITFALL below.
// See docs/decisions/0002-offline-migration-runner.md.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { PrismaPg } from '@prisma/adapter-pg'
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'
import pg from 'pg'

/** A database as discrete connection fields; see PITFALL 2 for why never a connection string. */
export type PgConnection = Pick<pg.ClientConfig, 'host' | 'port' | 'user' | 'password' | 'database' | 'ssl'>

export function connectionFromUrl(url: string): PgConnection {
  const parsed = new URL(url)
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`Not a postgres:// URL: ${parsed.protocol}//${parsed.host}`)
  }
  const param = (name: string) => parsed.searchParams.get(name) ?? undefined
  const decoded = (value: string) => (value === '' ? undefined : decodeURIComponent(value))
  const sslmode = param('sslmode')
  return {
    // `?host=` carries a Unix socket directory, as in libpq URLs.
    host: param('host') ?? (decoded(parsed.hostname.replace(/^\[(.*)\]$/, '$1')) || 'localhost'),
    port: Number(param('port') ?? (parsed.port || 5432)),
    user: decoded(parsed.username) ?? param('user'),
    password: decoded(parsed.password) ?? param('password'),
    database: decoded(parsed.pathname.slice(1)) ?? param('dbname'),
    ssl:
      sslmode === undefined || sslmode === 'disable'
        ? false
        : sslmode === 'no-verify'
          ? { rejectUnauthorized: false }
          : true,
  }
}

export function urlFromConnection(connection: PgConnection): string {
  const url = new URL('postgres://localhost')
  url.hostname = connection.host?.includes(':') ? `[${connection.host}]` : (connection.host ?? 'localhost')
  url.port = String(connection.port ?? 5432)
  url.username = encodeURIComponent(connection.user ?? '')
  url.password = encodeURIComponent(connection.password?.toString() ?? '')
  url.pathname = `/${encodeURIComponent(connection.database ?? '')}`
  if (connection.ssl) url.searchParams.set('sslmode', 'require')
  return url.toString()
}

const CHAR_OID = 18
const TEXT_OID = 25

type QueryFunction = (...args: unknown[]) => unknown

// Indexes of the "char" columns of a result, keyed by its rows array: adapter-pg passes pg's rows
// array through unchanged, so the adapter-level half below can find what the pg-level half saw.
const charColumnsOf = new WeakMap<object, number[]>()

function relabelCharColumns(result: unknown): unknown {
  const { fields, rows } = (result ?? {}) as { fields?: { dataTypeID: number }[]; rows?: object }
  const charColumns: number[] = []
  fields?.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return
    field.dataTypeID = TEXT_OID
    charColumns.push(index)
  })
  if (rows && charColumns.length > 0) charColumnsOf.set(rows, charColumns)
  return result
}

// PITFALL 1: the schema engine reads catalog columns of Postgres's internal "char" type (OID 18,
// e.g. pg_constraint.contype), which adapter-pg refuses to map. pg decodes them as strings
// already; we relabel them as text for adapter-pg, then report them to the engine as Character,
// the type it reads them as.
function decodeCharAsText(client: pg.PoolClient) {
  const query = client.query.bind(client) as QueryFunction
  const wrapped: QueryFunction = (...args) => {
    const callback = args.at(-1)
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, relabelCharColumns(result))
      return query(...args)
    }
    const result = query(...args)
    return result instanceof Promise ? result.then(relabelCharColumns) : result
  }
  client.query = wrapped as typeof client.query
}

function reportCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable)
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query)
    for (const index of charColumnsOf.get(result.rows) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character
    }
    return result
  }
  return queryable
}

function reportCharColumnsInTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (isolationLevel) =>
    reportCharColumns(await startTransaction(isolationLevel))
  return reportCharColumns(adapter)
}

// PITFALL 4 (not in STACK-NOTES): adapter-pg runs a script by splitting it at every ";" and sending
// the pieces one by one, which breaks a ";" inside a string or function body and commits the
// statements before a failing one. A query without parameters goes over the simple protocol, where
// Postgres runs all statements of a script as one implicit transaction, as the native engine does.
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] })
  }
  return adapter
}

function createPool(connection: PgConnection): pg.Pool {
  // One connection: the engine's session-level advisory lock is then released on the session that
  // took it, and the embedded PGlite server accepts no more than one anyway.
  const pool = new pg.Pool({ ...connection, max: 1, connectionTimeoutMillis: 10_000 })
  pool.on('connect', decodeCharAsText)
  // An idle connection can be cut (server restart, DROP … WITH (FORCE)); that must not crash the process.
  pool.on('error', () => {})
  return pool
}

class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres'
  readonly adapterName = '@prisma/adapter-pg'
  readonly #pools: pg.Pool[] = []

  constructor(
    private readonly database: PgConnection,
    private readonly shadowDatabase: PgConnection | undefined,
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.#adapterFor(this.database)
  }

  // PITFALL 2: PrismaPg's own connectToShadowDb spreads its config and overrides `database`, but a
  // `connectionString` in that config wins, so the "shadow" silently is the MAIN database. We never
  // let it build one: the caller hands us the shadow database as discrete fields.
  // PITFALL 3: PrismaPg also drops its shadow database before ending the pool connected to it; the
  // caller owns the shadow database here and drops it after close() has ended our pools.
  connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (!this.shadowDatabase) {
      return Promise.reject(
        new Error('This schema engine operation needs a shadow database, and none was given.'),
      )
    }
    return this.#adapterFor(this.shadowDatabase)
  }

  async #adapterFor(connection: PgConnection): Promise<SqlDriverAdapter> {
    const pool = createPool(connection)
    this.#pools.push(pool)
    return runScriptsWhole(reportCharColumnsInTransactions(await new PrismaPg(pool).connect()))
  }

  async close(): Promise<void> {
    await Promise.all(this.#pools.splice(0).map((pool) => pool.end()))
  }
}

type WasmBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg')

let bindings: Promise<WasmBindings> | undefined

// The package's entry point imports the .wasm file as an ES module, which Node only allows behind
// --experimental-wasm-modules; instantiating it ourselves needs no flag.
async function loadBindings(): Promise<WasmBindings> {
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'))
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue })
  glue.__wbg_set_wasm(instance.exports)
  const start = instance.exports.__wbindgen_start
  if (typeof start === 'function') start()
  return glue
}

export interface SchemaEngineSession {
  readonly engine: SchemaEngine
  /** Frees the engine and ends every connection it opened; await it before dropping a database it used. */
  close(): Promise<void>
}

export interface SchemaEngineOptions {
  database: PgConnection
  /** Required by operations that replay migrations (diff from a migrations folder). It gets reset. */
  shadowDatabase?: PgConnection
  onLog?: (line: string) => void
}

export class SchemaEnginePanic extends Error {
  override name = 'SchemaEnginePanic'
}

const registryHolder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } }

export async function openSchemaEngine(options: SchemaEngineOptions): Promise<SchemaEngineSession> {
  // The engine hands a Rust panic's message to this registry before it traps with a bare
  // "unreachable"; throwing here surfaces the message instead (a Prisma client does the same).
  // The instance is unusable afterwards, so the next session instantiates a fresh one.
  registryHolder.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      bindings = undefined
      throw new SchemaEnginePanic(`The schema engine panicked: ${message}`)
    },
  }
  bindings ??= loadBindings()
  const { SchemaEngine } = await bindings
  const factory = new MigrationAdapterFactory(options.database, options.shadowDatabase)
  const log = options.onLog ?? (() => {})
  let engine: SchemaEngine
  try {
    engine = await SchemaEngine.new(
      { datamodels: undefined },
      log,
      bindMigrationAwareSqlAdapterFactory(factory),
    )
  } catch (error) {
    await factory.close()
    throw error
  }
  let closed = false
  return {
    engine,
    async close() {
      if (closed) return
      closed = true
      engine.free()
      await factory.close()
    },
  }
}

const databaseName = /^[a-z0-9_]{1,63}$/

export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`
}

export class DatabaseCreationError extends Error {
  override name = 'DatabaseCreationError'
}

export interface CreatedDatabase {
  name: string
  url: string
  connection: PgConnection
  /** DROP DATABASE … WITH (FORCE); close everything connected to it first (PITFALL 3). */
  drop(): Promise<void>
}

async function withClient<T>(connection: PgConnection, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...connection, connectionTimeoutMillis: 10_000 })
  client.on('error', () => {})
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/**
 * Creates an empty database `name` on the server that `serverUrl` points at (any database there
 * serves as the entry point) and proves that connecting to it really reaches it: PGlite, for one,
 * accepts CREATE DATABASE but then serves its single database under every name.
 */
export async function createDatabase(serverUrl: string, name: string): Promise<CreatedDatabase> {
  if (!databaseName.test(name)) throw new Error(`Refusing database name ${JSON.stringify(name)}`)
  const server = connectionFromUrl(serverUrl)
  const where = `${server.host}:${server.port}`
  const connection: PgConnection = { ...server, database: name }
  const drop = async () => {
    await withClient(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  }
  const fail = (problem: string, error: unknown) =>
    new DatabaseCreationError(
      `${problem}: ${(error as Error).message || (error as { code?: string }).code}`,
      { cause: error },
    )
  try {
    await withClient(server, (client) => client.query(`CREATE DATABASE "${name}"`))
  } catch (error) {
    throw fail(`Could not create database "${name}" on ${where}`, error)
  }
  try {
    const { rows } = await withClient(connection, (client) =>
      client.query<{ db: string }>('SELECT current_database() AS db'),
    )
    if (rows[0]?.db !== name) throw new Error(`connecting to it reached database "${rows[0]?.db}" instead`)
  } catch (error) {
    await drop().catch(() => {})
    throw fail(`Database "${name}" on ${where} is not usable`, error)
  }
  return { name, url: urlFromConnection(connection), connection, drop }
}

/** Whether the database has any table or sequence outside the system schemas. */
export async function hasUserRelations(connection: PgConnection): Promise<boolean> {
  const result = await withClient(connection, (client) =>
    client.query(
      `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
         AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
       LIMIT 1`,
    ),
  )
  return result.rowCount !== 0
}
