// The route label of a request's log line and metrics: the pattern of the app's route that serves
// the path, never the values in it, and one word for paths no route serves.
import { describe, expect, it } from 'vitest'
import { routePatternOf } from '~/server/http/route-pattern'

describe('routePatternOf', () => {
  it('names the route pattern, not the values in the path', () => {
    expect(routePatternOf('/groups/10/evaluation')).toBe('/groups/$groupId/evaluation')
    expect(routePatternOf('/u/kovacs.anna')).toBe('/u/$screenName')
    expect(routePatternOf('/api/users/42/photo')).toBe('/api/users/$userId/photo')
  })

  it('names index and plain routes as their path', () => {
    expect(routePatternOf('/')).toBe('/')
    expect(routePatternOf('/groups')).toBe('/groups')
    expect(routePatternOf('/groups/')).toBe('/groups')
    expect(routePatternOf('/auth/callback')).toBe('/auth/callback')
  })

  it('says null for a path no route serves', () => {
    expect(routePatternOf('/metrics')).toBeNull()
    expect(routePatternOf('/wp-login.php')).toBeNull()
    expect(routePatternOf('/groups/10/no-such-page')).toBeNull()
  })
})
