// The rate limits as a caller meets them: a burst of the configured size, then 429s that say when
// to come back, per user and per address (docs/decisions/0019). Time is a number the test moves.
import { describe, expect, it } from 'vitest'
import { RateLimitedError } from '~/server/errors'
import { clientAddress } from '~/server/http/client-address'
import { RateLimiter } from '~/server/http/rate-limit'

const limits = { loginPerMinute: 3, searchPerMinute: 4, writePerMinute: 2, ipFactor: 2 }

function limiter() {
  let now = 1_000_000
  return {
    limiter: new RateLimiter(limits, () => now),
    advance: (ms: number) => {
      now += ms
    },
  }
}

/** Whole seconds the caller is told to wait, or 0 when the request went through. */
function retryAfter(run: () => void): number {
  try {
    run()
    return 0
  } catch (error) {
    if (error instanceof RateLimitedError) return error.retryAfterSeconds
    throw error
  }
}

describe('RateLimiter', () => {
  it('lets a burst of the per-minute limit through, then refuses with the wait for the next token', () => {
    const { limiter: l, advance } = limiter()
    const login = () => l.check('login', { address: '10.0.0.1' })
    expect([retryAfter(login), retryAfter(login), retryAfter(login)]).toEqual([0, 0, 0])
    // 3 a minute: a token every 20 s.
    expect(retryAfter(login)).toBe(20)
    advance(15_000)
    expect(retryAfter(login)).toBe(5)
    advance(5_000)
    expect(retryAfter(login)).toBe(0)
    expect(retryAfter(login)).toBe(20)
  })

  it('counts each address on its own', () => {
    const { limiter: l } = limiter()
    for (let i = 0; i < 3; i++) l.check('login', { address: '10.0.0.1' })
    expect(retryAfter(() => l.check('login', { address: '10.0.0.1' }))).toBeGreaterThan(0)
    expect(retryAfter(() => l.check('login', { address: '10.0.0.2' }))).toBe(0)
  })

  it('limits a user wherever they come from, and an address shared by many users at factor times', () => {
    const { limiter: l } = limiter()
    const write = (userId: number, address: string) => retryAfter(() => l.check('write', { userId, address }))
    expect([write(1, 'a'), write(1, 'b')]).toEqual([0, 0])
    expect(write(1, 'c'), 'the same user from a third address').toBe(30)
    // Address "nat": 2 × 2 = 4 writes a minute, whoever makes them.
    expect([write(2, 'nat'), write(3, 'nat'), write(4, 'nat'), write(5, 'nat')]).toEqual([0, 0, 0, 0])
    expect(write(6, 'nat'), 'a sixth user behind the same address').toBe(15)
  })

  it('charges nothing for a refused request', () => {
    const { limiter: l, advance } = limiter()
    const search = (userId: number) => retryAfter(() => l.check('search', { userId, address: 'nat' }))
    for (let i = 0; i < 4; i++) search(1)
    // User 1 is out; their refused tries must not drain the shared address's bucket (8 a minute).
    for (let i = 0; i < 10; i++) expect(search(1)).toBeGreaterThan(0)
    expect([search(2), search(2), search(2), search(2)]).toEqual([0, 0, 0, 0])
    expect(search(3), 'the address is out after 8').toBeGreaterThan(0)
    advance(60_000)
    expect(search(1)).toBe(0)
  })

  it('keeps search and writes apart', () => {
    const { limiter: l } = limiter()
    for (let i = 0; i < 2; i++) l.check('write', { userId: 1, address: 'a' })
    expect(retryAfter(() => l.check('write', { userId: 1, address: 'a' }))).toBeGreaterThan(0)
    expect(retryAfter(() => l.check('search', { userId: 1, address: 'a' }))).toBe(0)
  })
})

describe('clientAddress', () => {
  const withForwarded = (forwarded: string | null, ip = '10.1.1.1') => {
    const request = new Request('http://localhost/', {
      headers: forwarded === null ? {} : { 'x-forwarded-for': forwarded },
    })
    Object.defineProperty(request, 'ip', { value: ip })
    return request
  }

  it('uses the socket address and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress(withForwarded('1.2.3.4'), 0)).toBe('10.1.1.1')
  })

  it('takes the entry our own proxies wrote, never one the client made up', () => {
    // The client claims 6.6.6.6; our proxy appended the address it saw.
    expect(clientAddress(withForwarded('6.6.6.6, 1.2.3.4'), 1)).toBe('1.2.3.4')
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress(withForwarded('6.6.6.6, 1.2.3.4, 10.0.0.9'), 2)).toBe('1.2.3.4')
  })

  it('falls back to the socket when the header has fewer entries than trusted proxies', () => {
    expect(clientAddress(withForwarded(null), 1)).toBe('10.1.1.1')
    expect(clientAddress(withForwarded('1.2.3.4'), 2)).toBe('10.1.1.1')
  })
})
