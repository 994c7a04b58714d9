import type { z } from 'zod'
import { ValidationError } from './errors'
import { fieldErrorsOf } from './http/error-mapping'

/** Parses untrusted input; failure is a ValidationError (400) with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error))
  return parsed.data
}
