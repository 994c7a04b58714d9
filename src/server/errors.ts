// Typed domain errors. Services throw these; src/server/http/error-mapping.ts turns them into
// HTTP statuses in one place. Nothing branches on error message strings.
import type { FieldErrors, PublicErrorCode } from '~/shared/public-error'

export abstract class DomainError extends Error {
  /** INTERNAL and UNAVAILABLE are not the domain's to say: the error mapping decides them. */
  abstract readonly code: Exclude<PublicErrorCode, 'INTERNAL' | 'UNAVAILABLE'>
  /** Which rule refused, as a stable code the UI can translate (e.g. 'cycle', 'in-use'). */
  readonly reason?: string
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION'
  constructor(
    readonly fields: FieldErrors,
    message = 'Invalid input',
  ) {
    super(message)
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED'
  constructor(message = 'Login required') {
    super(message)
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN'
  constructor(message = 'Not allowed') {
    super(message)
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND'
  constructor(
    readonly entity: string,
    readonly id: string | number,
  ) {
    super(`${entity} ${id} not found`)
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT'
  /** A conflict caused by one field's value (a taken screen name) names it, like a ValidationError. */
  constructor(
    message = 'Conflict',
    readonly fields?: FieldErrors,
  ) {
    super(message)
  }
}

export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE'
  constructor(
    message: string,
    override readonly reason?: string,
  ) {
    super(message)
  }
}

/** Too many requests of one kind from one user or address (src/server/http/rate-limit.ts): a 429. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED'
  constructor(
    /** Whole seconds until the caller may try again (the Retry-After header). */
    readonly retryAfterSeconds: number,
  ) {
    super('Too many requests')
  }
}
