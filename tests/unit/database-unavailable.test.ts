// A database that cannot be reached right now is a 503 with Retry-After, in every shape the driver
// stack reports it (seen while restarting PostgreSQL under load: tests/integration/database-restart);
// a query that is wrong stays what it was, whatever the driver said.
import { DriverAdapterError } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { Prisma } from '~/generated/prisma/client'
import { DatabaseConnectionError, typedConnectionError } from '~/server/db/connection-errors'
import { DATABASE_RETRY_AFTER_SECONDS, errorHeaders, toPublicError } from '~/server/http/error-mapping'
import { createLogger } from '~/server/logger'

const log = createLogger('silent')

const prismaError = (code: string, driverCause?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('failed', {
    code,
    clientVersion: 'test',
    meta: driverCause
      ? { driverAdapterError: { name: 'DriverAdapterError', cause: driverCause } }
      : undefined,
  })

const sqlStateError = (code: string) => {
  const error = new pg.DatabaseError('the database system is starting up', 0, 'error')
  error.code = code
  return error
}

const mapped = (error: unknown) => {
  const { status, code, message } = toPublicError(error, log)
  return { status, code, message, headers: errorHeaders(error) }
}

const unavailable = {
  status: 503,
  code: 'UNAVAILABLE',
  message: 'Service temporarily unavailable, try again shortly',
  headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
}

describe('a database that cannot be reached', () => {
  it.each([
    ['server unreachable (P1001)', prismaError('P1001', { kind: 'DatabaseNotReachable' })],
    ['server closed the connection (P1017)', prismaError('P1017', { kind: 'ConnectionClosed' })],
    ['no pool connection in time (P2024)', prismaError('P2024')],
    ['a transaction that could not start in time (P2028)', prismaError('P2028')],
    ['shutting down (57P01)', prismaError('P2039', { kind: 'postgres', code: '57P01' })],
    ['starting up, raw query (57P03)', prismaError('P2010', { kind: 'postgres', code: '57P03' })],
    ['connection exception class 08', prismaError('P2010', { kind: 'postgres', code: '08006' })],
    ['too many connections', prismaError('P2037', { kind: 'TooManyConnections' })],
    ['a SQLSTATE error straight from pg', sqlStateError('57P03')],
    ['a connection pg lost without a code', new DatabaseConnectionError(new Error('terminated'))],
    [
      'a refused connection straight from pg',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a reset connection straight from pg',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    ],
    [
      'a connection closed inside a transaction (the adapter error, unwrapped)',
      new DriverAdapterError({ kind: 'ConnectionClosed' }),
    ],
  ])('%s is a 503 with Retry-After', (_, error) => {
    expect(mapped(error)).toEqual(unavailable)
  })
})

describe('errors that are not about reaching the database', () => {
  it.each([
    ['a unique violation', prismaError('P2002'), 500],
    ['a missing table', prismaError('P2010', { kind: 'postgres', code: '42P01' }), 500],
    [
      'a query error inside a transaction',
      new DriverAdapterError({
        kind: 'postgres',
        code: '42P01',
        severity: 'ERROR',
        message: 'x',
        detail: undefined,
        column: undefined,
        hint: undefined,
        originalCode: '42P01',
        originalMessage: 'x',
      }),
      500,
    ],
    ['a SQLSTATE error of the query', sqlStateError('22P02'), 500],
    ['a bug', new TypeError('undefined is not a function'), 500],
  ])('%s keeps its status and gets no Retry-After', (_, error, status) => {
    const { status: got, headers } = mapped(error)
    expect({ status: got, headers }).toEqual({ status, headers: {} })
  })
})

describe('typedConnectionError', () => {
  it('types the codeless errors pg raises for a lost connection, and leaves coded ones to the adapter', () => {
    const lost = new Error('Connection terminated unexpectedly')
    const typed = typedConnectionError(lost)
    expect(typed).toBeInstanceOf(DatabaseConnectionError)
    expect((typed as Error).cause).toBe(lost)

    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(typedConnectionError(refused)).toBe(refused)
    const sqlState = sqlStateError('57P01')
    expect(typedConnectionError(sqlState)).toBe(sqlState)
    expect(typedConnectionError(typed)).toBe(typed)
  })
})
