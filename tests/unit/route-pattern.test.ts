// The route label of a request's log line and metrics: the pattern, never the values in the path.
import { describe, expect, it } from 'vitest'
import { routePattern } from '~/server/http/route-pattern'

describe('routePattern', () => {
  it('puts parameter names back in place of their values', () => {
    expect(routePattern('/groups/10/evaluation', { groupId: '10' })).toBe('/groups/$groupId/evaluation')
    expect(routePattern('/u/kovacs.anna', { screenName: 'kovacs.anna' })).toBe('/u/$screenName')
    expect(routePattern('/groups', {})).toBe('/groups')
  })

  it('matches encoded segments and keeps the parameters in order when values repeat', () => {
    expect(routePattern('/u/Kov%C3%A1cs', { screenName: 'Kovács' })).toBe('/u/$screenName')
    expect(routePattern('/a/7/b/7', { first: '7', second: '7' })).toBe('/a/$first/b/$second')
  })

  it('says null for a path no route matched', () => {
    expect(routePattern('/no/such/page', { '**': 'no/such/page' })).toBeNull()
  })
})
