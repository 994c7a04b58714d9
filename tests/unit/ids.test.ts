import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Id } from '~/shared/ids'

describe('Id', () => {
  it('accepts positive whole numbers and their decimal strings', () => {
    expect(Id.parse(7)).toBe(7)
    expect(Id.parse('42')).toBe(42)
    expect(Id.parse('2147483647')).toBe(2147483647)
  })

  it.each(['abc', '', '0', '-1', '1e3', ' 7', '07', '2.5', '2147483648', 2.5, 0, -3, null, {}])(
    'refuses %j',
    (value) => {
      expect(Id.safeParse(value).success).toBe(false)
    },
  )

  it('round-trips every valid id through its string form', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2147483647 }), (n) => Id.parse(String(n)) === n))
  })
})
