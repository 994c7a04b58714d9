// What a caller sees of a failure, on both sides of the wire. The server maps every error to
// one of these (src/server/http/error-mapping.ts); the serialization adapter below carries it
// to the browser intact, so UI code reads `status`, `code` and field messages — never strings.
import { createSerializationAdapter } from '@tanstack/react-router'

export type FieldErrors = Record<string, string[]>

export type PublicErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'RATE_LIMITED'
  /** The database cannot be reached right now (restarting, down): a 503, worth retrying as it is. */
  | 'UNAVAILABLE'
  | 'INTERNAL'

export class PublicError extends Error {
  constructor(
    readonly status: number,
    readonly code: PublicErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Which rule refused a 409, as a stable code (see DomainError.reason); UI code may switch on it. */
    readonly reason?: string,
  ) {
    super(message)
    this.name = 'PublicError'
    this.stack = undefined
  }
}

interface PublicErrorWire {
  status: number
  code: PublicErrorCode
  message: string
  fields: FieldErrors | null
  reason: string | null
}

export const publicErrorAdapter = createSerializationAdapter({
  key: 'pek/public-error',
  test: (value: unknown): value is PublicError => value instanceof PublicError,
  toSerializable: (e: PublicError): PublicErrorWire => ({
    status: e.status,
    code: e.code,
    message: e.message,
    fields: e.fields ?? null,
    reason: e.reason ?? null,
  }),
  fromSerializable: (w: PublicErrorWire) =>
    new PublicError(w.status, w.code, w.message, w.fields ?? undefined, w.reason ?? undefined),
})

/** The status of a failed server-function call, if it carried one. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof PublicError ? error.status : undefined
}
