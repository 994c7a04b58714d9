// The one place where errors become HTTP statuses. Domain errors keep their meaning; invalid
// input is a 400 with field messages; anything else is a 500 with a generic message, and its
// details go to the log only (a client never sees a stack trace or a database message).
import { ZodError } from 'zod'
import { type FieldErrors, PublicError } from '~/shared/public-error'
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

/** Headers a refusal carries besides its status: when to come back after a rate limit. */
export function errorHeaders(error: unknown): Record<string, string> {
  return error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {}
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
  const err =
    error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
  log.error('unhandled error', { err })
  return new PublicError(500, 'INTERNAL', 'Internal error')
}
