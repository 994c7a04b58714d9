// Validation rules of the people forms, shared by the browser (before sending) and the server (the
// guard parses every input with the same schemas). Messages are stable codes, not prose: the UI
// translates `profile.validation.<code>`, so one rule never shows two different texts.
import { z } from 'zod'
import { Text } from '~/shared/text'

export const VALIDATION_CODES = [
  'invalid',
  'required',
  'tooShort',
  'tooLong',
  'screenNameChars',
  'screenNameTaken',
  'roomChars',
  'roomRequired',
  'phone',
  'url',
  'date',
  'dateInFuture',
  'dateTooEarly',
] as const
export type ValidationCode = (typeof VALIDATION_CODES)[number]

export const isValidationCode = (message: string): message is ValidationCode =>
  (VALIDATION_CODES as readonly string[]).includes(message)

/** A free-text field that may be left empty: trimmed, and empty becomes null (never ''). */
export const optionalText = (max: number) =>
  Text.trim()
    .max(max, { error: 'tooLong' })
    .nullable()
    .transform((value) => value || null)

// Separators people type inside a number; they carry no meaning and are dropped.
const PHONE_SEPARATORS = /[\s\-().]/g

/**
 * "+36 30 123 4567", "+36-30-123-4567", "06 30 123 4567" and "0036301234567" all become
 * "+36301234567": international form, digits only, so equal numbers compare (and search) equal.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(PHONE_SEPARATORS, '')
  const international = compact.startsWith('00')
    ? `+${compact.slice(2)}`
    : compact.startsWith('06')
      ? `+36${compact.slice(2)}`
      : compact
  // E.164: a country code not starting with 0, at most 15 digits in all.
  return /^\+[1-9][0-9]{6,14}$/.test(international) ? international : null
}

export const CellPhone = z
  .string()
  .trim()
  .max(30, { error: 'tooLong' })
  .nullable()
  .transform((value, ctx) => {
    if (!value) return null
    const phone = normalizePhone(value)
    if (!phone) ctx.addIssue({ code: 'custom', message: 'phone' })
    return phone
  })

export const Webpage = Text.trim()
  .max(200, { error: 'tooLong' })
  .nullable()
  .transform((value) => value || null)
  .refine((value) => value === null || isHttpUrl(value), { error: 'url' })

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

const EARLIEST_BIRTH = '1900-01-01'

/** A calendar day as `YYYY-MM-DD` (what `<input type="date">` gives), after 1900 and not in the future. */
export const DateOfBirth = z
  .string()
  .trim()
  .nullable()
  .transform((value, ctx) => {
    if (!value) return null
    const day = new Date(`${value}T00:00:00Z`)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || isoDay(day) !== value) {
      ctx.addIssue({ code: 'custom', message: 'date' })
    } else if (value < EARLIEST_BIRTH) {
      ctx.addIssue({ code: 'custom', message: 'dateTooEarly' })
    } else if (value > isoDay(new Date())) {
      ctx.addIssue({ code: 'custom', message: 'dateInFuture' })
    }
    return value
  })

/** The `YYYY-MM-DD` form of a date-only value (stored at UTC midnight). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10)

/** Room numbers and names like "1319", "A 204", "K-12/b". */
export const Room = z
  .string()
  .trim()
  .max(20, { error: 'tooLong' })
  .regex(/^[\p{L}\p{N} ./-]*$/u, { error: 'roomChars' })
  .nullable()
  .transform((value) => value || null)
