// The one place where errors become HTTP statuses. Domain errors keep their meaning; invalid
// input is a 400 with field messages; a database that cannot be reached right now is a 503 with
// Retry-After (src/server/db/unavailable.ts); anything else is a 500 with a generic message, and its
// details go to the log only (a client never sees a stack trace or a database message).
import { ZodError } from 'zod'
import { type FieldErrors, PublicError } from '~/shared/public-error'
import { isDatabaseUnavailable } from '../db/unavailable'
import { ConflictError, DomainError, RateLimitedError, ValidationError } from '../errors'
import type { Logger } from '../logger'

const STATUS: Record<DomainError['code'], number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
}

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    fields[key] = [...(fields[key] ?? []), issue.message]
  }
  return fields
}

/** When to try again while the database is unreachable: about what a PostgreSQL restart takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

/** Headers a refusal carries besides its status: when to come back after a rate limit or an outage. */
export function errorHeaders(error: unknown): Record<string, string> {
  if (error instanceof RateLimitedError) return { 'retry-after': String(error.retryAfterSeconds) }
  if (isDatabaseUnavailable(error)) return { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) }
  return {}
}

export function toPublicError(error: unknown, log: Logger): PublicError {
  if (error instanceof PublicError) return error
  if (error instanceof ZodError)
    return new PublicError(400, 'VALIDATION', 'Invalid input', fieldErrorsOf(error))
  if (error instanceof DomainError) {
    const fields =
      error instanceof ValidationError || error instanceof ConflictError ? error.fields : undefined
    return new PublicError(STATUS[error.code], error.code, error.message, fields, error.reason)
  }
  if (isDatabaseUnavailable(error)) {
    // Expected during a database restart and gone by itself: a warning, not an error with a stack.
    log.warn('database unavailable', { err: { name: error.name, message: error.message } })
    return new PublicError(503, 'UNAVAILABLE', 'Service temporarily unavailable, try again shortly')
  }
  const err =
    error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
  log.error('unhandled error', { err })
  return new PublicError(500, 'INTERNAL', 'Internal error')
}
