import { describe, expect, it } from 'vitest'
import { matchGroups } from '~/domains/search/group-match'
import { GAP, pageNumbers } from '~/domains/search/page-numbers'
import { escapeLike, phoneDigitsOf, searchTerms } from '~/domains/search/search-terms'

describe('searchTerms', () => {
  it('normalises, splits and de-duplicates the words', () => {
    expect(searchTerms('  Szabó   CSILLA szabo ').map((t) => t.word)).toEqual(['szabo', 'csilla'])
    expect(searchTerms('\u0301')).toEqual([])
  })

  it('builds contains, whole-word and prefix patterns with LIKE wildcards escaped', () => {
    const [term] = searchTerms('50%_a\\b')
    expect(term).toMatchObject({
      contains: '%50\\%\\_a\\\\b%',
      whole: '% 50\\%\\_a\\\\b %',
      prefix: '% 50\\%\\_a\\\\b%',
    })
    expect(escapeLike('plain')).toBe('plain')
  })
})

describe('phoneDigitsOf', () => {
  it('takes phone-shaped words with 8+ digits after the +36 / 06 prefix', () => {
    expect(phoneDigitsOf('+36301234567')).toBe('301234567')
    expect(phoneDigitsOf('06-30/123-4567')).toBe('301234567')
    expect(phoneDigitsOf('12345678')).toBe('12345678')
    expect(phoneDigitsOf('(30)1234567')).toBe('301234567')
  })

  it('refuses short probes, padded probes and words that are not numbers', () => {
    expect(phoneDigitsOf('1234567')).toBeNull()
    expect(phoneDigitsOf('+36-30-12-3')).toBeNull()
    expect(phoneDigitsOf('36123456')).toBeNull()
    expect(phoneDigitsOf('anna12345678')).toBeNull()
    expect(phoneDigitsOf('--------')).toBeNull()
  })
})

describe('matchGroups', () => {
  const group = (id: number, name: string, archived = false) => ({
    id,
    name,
    archived,
    purpose: 'CIRCLE' as const,
  })
  const groups = [
    group(1, 'Vendéglátó Kör'),
    group(2, 'Kulturális Reszort'),
    group(3, 'Kultúra', true),
    group(4, 'Szakmai kultúr kör'),
    group(5, 'Kultúra'),
  ]

  it('needs every word, ignoring accents and case', () => {
    expect(matchGroups(groups, searchTerms('KULTURALIS reszort')).map((g) => g.id)).toEqual([2])
    expect(matchGroups(groups, searchTerms('kör vendeg')).map((g) => g.id)).toEqual([1])
    expect(matchGroups(groups, searchTerms(''))).toEqual([])
  })

  it('ranks exact names, then prefixes (active first), then the rest, ties by name and id', () => {
    expect(matchGroups(groups, searchTerms('kultura')).map((g) => g.id)).toEqual([5, 3, 2])
    // Hungarian order ignores the accent first: Kultúra < Kulturális.
    expect(matchGroups(groups, searchTerms('ultur')).map((g) => g.id)).toEqual([5, 2, 4, 3])
  })
})

describe('pageNumbers', () => {
  it('shows every page of a short list', () => {
    expect(pageNumbers(1, 1)).toEqual([1])
    expect(pageNumbers(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('keeps the ends and the neighbours of the current page, with gaps for the rest', () => {
    expect(pageNumbers(1, 20)).toEqual([1, 2, 3, GAP, 20])
    expect(pageNumbers(10, 20)).toEqual([1, GAP, 8, 9, 10, 11, 12, GAP, 20])
    expect(pageNumbers(20, 20)).toEqual([1, GAP, 18, 19, 20])
    // A gap of one page shows that page instead.
    expect(pageNumbers(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, GAP, 20])
  })
})
