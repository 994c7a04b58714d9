import { describe, expect, it } from 'vitest'
import { matchesEtag } from '~/server/http/etag'

describe('matchesEtag', () => {
  it('matches the tag itself, its weak form, a list containing it and *', () => {
    for (const header of ['"abc"', 'W/"abc"', '"x", "abc"', ' "x" ,W/"abc" ', '*']) {
      expect(matchesEtag(header, '"abc"'), header).toBe(true)
    }
  })

  it('does not match another tag, a bare value or no header', () => {
    for (const header of ['"abd"', 'abc', '"abc', '', null])
      expect(matchesEtag(header, '"abc"'), String(header)).toBe(false)
  })
})
