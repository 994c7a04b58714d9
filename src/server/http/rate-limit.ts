// The rate limits of login, search and writes (docs/decisions/0019). Login counts per client
// address; search and writes per user and, with RATE_LIMIT_IP_FACTOR times the allowance, per
// address (students behind one NAT share it). A refusal is a RateLimitedError: 429 + Retry-After.
import type { AppConfig } from '#config'
import { RateLimitedError } from '../errors'
import { TokenBuckets } from './token-buckets'

export type LimitKind = 'login' | 'search' | 'write'

export interface Caller {
  /** The logged-in user, if any. */
  userId?: number
  /** The client address (src/server/http/client-address.ts). */
  address: string
}

const MINUTE_MS = 60_000

export class RateLimiter {
  private readonly perUser: Record<Exclude<LimitKind, 'login'>, TokenBuckets>
  private readonly perAddress: Record<LimitKind, TokenBuckets>

  constructor(limits: AppConfig['rateLimits'], now: () => number = Date.now) {
    const buckets = (perMinute: number) => new TokenBuckets(perMinute, MINUTE_MS, now)
    this.perUser = { search: buckets(limits.searchPerMinute), write: buckets(limits.writePerMinute) }
    this.perAddress = {
      login: buckets(limits.loginPerMinute),
      search: buckets(limits.searchPerMinute * limits.ipFactor),
      write: buckets(limits.writePerMinute * limits.ipFactor),
    }
  }

  /** Counts one request of `kind`, or throws RateLimitedError when a bucket it needs is empty. */
  check(kind: LimitKind, caller: Caller): void {
    const charged: [TokenBuckets, string][] = [[this.perAddress[kind], caller.address]]
    if (kind !== 'login' && caller.userId !== undefined) {
      charged.push([this.perUser[kind], String(caller.userId)])
    }
    // Nothing is taken unless every bucket has a token, so a refusal costs the caller nothing.
    const waitMs = Math.max(...charged.map(([buckets, key]) => buckets.waitMs(key)))
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000))
    for (const [buckets, key] of charged) buckets.take(key)
  }
}

const limiters = new WeakMap<AppConfig, RateLimiter>()

/** The process's limiter for a configuration (each test app's configuration gets its own). */
export function rateLimiterFor(config: AppConfig): RateLimiter {
  let limiter = limiters.get(config)
  if (!limiter) {
    limiter = new RateLimiter(config.rateLimits)
    limiters.set(config, limiter)
  }
  return limiter
}
