// Whether a failure means "the database cannot be reached right now" (restarting, down, out of
// connections) rather than "this request is wrong" or "the code is wrong". Those become 503 with
// Retry-After in the one error mapping (src/server/http/error-mapping.ts): the request may be
// retried as it is, and the pool reconnects by itself (./connection-errors.ts).
import { isDriverAdapterError } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { Prisma } from '~/generated/prisma/client'
import { DatabaseConnectionError } from './connection-errors'

/**
 * Prisma's codes for an unreachable or vanished server: P1001 can't reach, P1002 timed out
 * reaching, P1008 operation timed out, P1017 server closed the connection, P2024 no pool
 * connection in time, P2028 a transaction that could not start or finish in time (rolled back).
 */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028'])

/** The driver adapter's kinds for the same (`DriverAdapterError.cause.kind`). */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
])

/**
 * SQLSTATEs the server sends while it cannot serve: class 08 (connection exception), 53300 too
 * many connections, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting
 * up, shutting down, recovering).
 */
function isUnavailableSqlState(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    (code.startsWith('08') || code === '53300' || code === '57P01' || code === '57P02' || code === '57P03')
  )
}

/** Socket failures as pg reports them to a statement sent without Prisma (../db/sql.ts). */
const UNAVAILABLE_SOCKET_CODES = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])

interface AdapterCause {
  kind?: unknown
  code?: unknown
  originalCode?: unknown
}

/** The adapter's structured cause, which Prisma keeps in `meta.driverAdapterError.cause`. */
function adapterCause(meta: unknown): AdapterCause | undefined {
  if (typeof meta !== 'object' || meta === null || !('driverAdapterError' in meta)) return undefined
  const adapterError = meta.driverAdapterError
  if (typeof adapterError !== 'object' || adapterError === null || !('cause' in adapterError))
    return undefined
  const cause = adapterError.cause
  return typeof cause === 'object' && cause !== null ? (cause as AdapterCause) : undefined
}

function isUnavailableCause(cause: AdapterCause | undefined): boolean {
  if (cause === undefined) return false
  if (typeof cause.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true
  return cause.kind === 'postgres' && isUnavailableSqlState(cause.code ?? cause.originalCode)
}

export function isDatabaseUnavailable(error: unknown): error is Error {
  if (error instanceof DatabaseConnectionError) return true
  if (error instanceof pg.DatabaseError) return isUnavailableSqlState(error.code)
  if (error instanceof Error && UNAVAILABLE_SOCKET_CODES.has(String((error as { code?: unknown }).code)))
    return true
  // Inside an interactive transaction the adapter's error reaches the caller unwrapped.
  if (isDriverAdapterError(error)) return isUnavailableCause(error.cause)
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return UNAVAILABLE_PRISMA_CODES.has(error.code) || isUnavailableCause(adapterCause(error.meta))
  }
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return error.errorCode !== undefined && UNAVAILABLE_PRISMA_CODES.has(error.errorCode)
  }
  return false
}
