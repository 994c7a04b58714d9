// Token buckets in process memory, one per key (docs/decisions/0019: why not Redis yet). A bucket
// holds up to `capacity` tokens and refills continuously at `capacity` per `periodMs`; a request
// takes one. A full bucket is the same as no bucket, so full ones are dropped when the map grows.

/** Past this many keys the full buckets are swept out; past it even after the sweep, all are. */
const SWEEP_AT = 50_000

interface Bucket {
  tokens: number
  at: number
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>()
  private readonly perMs: number

  constructor(
    readonly capacity: number,
    periodMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = capacity / periodMs
  }

  /** Tokens in `key`'s bucket now. */
  private level(key: string, now: number): number {
    const bucket = this.buckets.get(key)
    if (!bucket) return this.capacity
    return Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs)
  }

  /** Milliseconds until `key` has a token again; 0 when it has one now. Takes nothing. */
  waitMs(key: string): number {
    const missing = 1 - this.level(key, this.now())
    return missing <= 0 ? 0 : Math.ceil(missing / this.perMs)
  }

  /** Takes a token from `key`'s bucket; call after waitMs said 0. */
  take(key: string): void {
    const now = this.now()
    const tokens = this.level(key, now) - 1
    this.buckets.set(key, { tokens, at: now })
    if (this.buckets.size > SWEEP_AT) this.sweep(now)
  }

  private sweep(now: number): void {
    for (const key of this.buckets.keys()) {
      if (this.level(key, now) >= this.capacity) this.buckets.delete(key)
    }
    // Still too many (a flood from many addresses): forgetting them errs on the lenient side.
    if (this.buckets.size > SWEEP_AT) this.buckets.clear()
  }
}
