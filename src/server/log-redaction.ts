// What the logger does to every field before it is written: values under secret-sounding keys are
// replaced at any depth, anything shaped like a JWT (session cookies, ID tokens, the login flow
// cookie) is cut out of any string, and errors become plain { type, message, stack } objects so
// their text goes through the same filter.

export const REDACTED = '[redacted]'

/** Keys whose values are never logged, wherever they appear (compared case-insensitively). */
const SECRET_KEY =
  /^(cookie|set-cookie|authorization|proxy-authorization|.*token.*|.*secret.*|.*password.*|code|state|nonce|.*verifier.*|session(id)?|signature|.*signing.*key.*)$/i

/** Three base64url parts, the first a JSON header ("eyJ" is `{"` encoded): a JWT or JWS. */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g

const MAX_DEPTH = 8

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(JWT, REDACTED)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '[too deep]'
  if (value instanceof Error) {
    return scrub(
      { type: value.name, message: value.message, stack: value.stack, cause: value.cause },
      depth + 1,
    )
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1))
  if (value instanceof Date) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) ? REDACTED : scrub(inner, depth + 1),
    ]),
  )
}

/** The log fields with secrets replaced; the input is not changed. */
export function scrubLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  return scrub(fields, 0) as Record<string, unknown>
}
