// The Prometheus series of the process (docs/decisions/0019), in a registry of our own. Served only
// by the separate metrics listener (scripts/start.mjs, METRICS_PORT), never on the public port.
// Labels stay bounded: `route` is an entry point name, a route pattern or a fixed word — never a
// raw path, which would make a series per user.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry, prefix: 'pek_' })

const registers = [metricsRegistry]

const requests = new Counter({
  name: 'pek_http_requests_total',
  help: 'Requests answered, by route (entry point or route pattern), method and status class (2xx…5xx).',
  labelNames: ['route', 'method', 'status_class'] as const,
  registers,
})

const duration = new Histogram({
  name: 'pek_http_request_duration_seconds',
  help: 'Time until the response head, by route (entry point or route pattern) and method.',
  labelNames: ['route', 'method'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
})

const inFlight = new Gauge({
  name: 'pek_http_requests_in_flight',
  help: 'Requests being handled now.',
  registers,
})

const policySnapshots = new Counter({
  name: 'pek_policy_snapshot_cache_total',
  help: "Policy snapshot lookups: a hit reuses a user's snapshot of the current policy version, a miss builds one.",
  labelNames: ['result'] as const,
  registers,
})

export interface PoolStats {
  /** Connections open, in use or idle. */
  total: number
  idle: number
  /** Queries waiting for a connection. */
  waiting: number
}

let poolStats: (() => PoolStats) | undefined

new Gauge({
  name: 'pek_db_pool_connections',
  help: 'The database pool: open connections (total), idle ones, and clients waiting for one.',
  labelNames: ['state'] as const,
  registers,
  collect() {
    const stats = poolStats?.()
    if (!stats) return
    for (const state of ['total', 'idle', 'waiting'] as const) this.set({ state }, stats[state])
  },
})

/** Where the pool gauge reads from: the app's database pool, once the app has started. */
export function observeDatabasePool(stats: () => PoolStats): void {
  poolStats = stats
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Marks a request as started; call the returned function with its outcome when it is answered. It
 * gives back the request's duration in milliseconds, for the log line.
 */
export function startRequestTimer(method: string): (route: string, status: number) => number {
  const started = performance.now()
  const methodLabel = KNOWN_METHODS.has(method) ? method : 'OTHER'
  inFlight.inc()
  return (route, status) => {
    inFlight.dec()
    requests.inc({ route, method: methodLabel, status_class: `${Math.floor(status / 100)}xx` })
    const ms = performance.now() - started
    duration.observe({ route, method: methodLabel }, ms / 1000)
    return ms
  }
}

export function countPolicySnapshotLookup(hit: boolean): void {
  policySnapshots.inc({ result: hit ? 'hit' : 'miss' })
}
