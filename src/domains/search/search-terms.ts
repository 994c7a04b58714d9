// A search query split into the words that must each match, in the accent-free lower-case form
// the stored search text has (src/domains/user/search-text.ts), with the LIKE patterns the people
// query binds as parameters.
import { normalizeForSearch } from '~/domains/user/search-text'

/**
 * Phone numbers match only from this many digits (../shared/PRODUCT.md: "phone only for 8+
 * characters"). Counted as digits after the +36 / 06 prefix, which every Hungarian number shares:
 * neither punctuation ("+36-30-1") nor the prefix may pad a short probe into a phone search.
 */
export const PHONE_MIN_DIGITS = 8

export interface SearchTerm {
  /** The normalised word, e.g. `szabo`. */
  word: string
  /** `%word%`: the word anywhere in the text (what decides a match). */
  contains: string
  /** `% word %` against ` text `: the word is a whole word (an exact name or screen name). */
  whole: string
  /** `% word%` against ` text`: the word starts a word (a prefix match). */
  prefix: string
  /** The digits to find in the cell phone number, or null when the word is no phone number. */
  phoneDigits: string | null
}

/** Backslash is LIKE's default escape character; the query's own % and _ are plain text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

const PHONE_SHAPED = /^\+?[\d()./-]+$/

/**
 * The digits a phone search looks for, without the country or trunk prefix (+36 / 06), so that
 * `06301234567` finds `+36 30 123 4567`. The people query strips the stored number the same way.
 */
export function phoneDigitsOf(word: string): string | null {
  if (!PHONE_SHAPED.test(word)) return null
  const digits = word.replace(/\D/g, '').replace(/^(36|06)/, '')
  return digits.length < PHONE_MIN_DIGITS ? null : digits
}

/** The distinct words of the query; an empty list when nothing searchable is left. */
export function searchTerms(query: string): SearchTerm[] {
  const words = [...new Set(normalizeForSearch(query).split(' ').filter(Boolean))]
  return words.map((word) => {
    const escaped = escapeLike(word)
    return {
      word,
      contains: `%${escaped}%`,
      whole: `% ${escaped} %`,
      prefix: `% ${escaped}%`,
      phoneDigits: phoneDigitsOf(word),
    }
  })
}
