import { z } from 'zod'

// NUL, or half of a surrogate pair: in `u` mode a whole pair reads as one character, which is not Cs.
const UNSTORABLE = /[\0\p{Cs}]/u

/**
 * Text as an input carries it: a string without NUL — PostgreSQL's text cannot hold one, so the
 * statement failed with a 500 — and without half of a surrogate pair, which would be stored as
 * U+FFFD instead of what was sent. Narrow it further (trim, min, max) like any string.
 */
export const Text = z.string().refine((value) => !UNSTORABLE.test(value), { error: 'invalid' })
