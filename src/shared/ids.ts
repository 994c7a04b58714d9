import { z } from 'zod'

/** The largest value of PostgreSQL's int4: ids, versions and positions are stored as one. */
export const MAX_INT = 2_147_483_647

/**
 * A numeric database id given as a number or as its decimal string (route params are strings).
 * Anything else — "abc", "1e3", " 7", -1, 2.5 — is a 400, never a silent coercion.
 */
export const Id = z.union(
  [
    z.number().int().positive().max(MAX_INT),
    z
      .string()
      .regex(/^[1-9][0-9]{0,9}$/, 'must be a positive whole number')
      .transform(Number)
      .pipe(z.number().max(MAX_INT)),
  ],
  { error: 'must be a positive whole number' },
)

/** The version an edit started from (a stale one is a 409): a whole number, as its int4 column holds. */
export const Version = z.number().int().min(0).max(MAX_INT)
