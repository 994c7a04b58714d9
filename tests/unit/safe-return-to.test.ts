import { describe, expect, it } from 'vitest'
import { safeReturnTo } from '~/server/auth/return-to'

describe('safeReturnTo', () => {
  it.each([
    ['/groups/10', '/groups/10'],
    ['/groups?view=all', '/groups?view=all'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected)
  })
})
