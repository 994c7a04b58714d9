// Two ways to load a server. `closedLoop` is autocannon: N connections, each sending its next
// request when the last is answered — the throughput a server sustains. `paced` is an open loop at
// a fixed rate, one request every 1/rate s whatever the server does, latency measured from when the
// request was due (so a stalled server cannot hide its queue): autocannon's own rate limit sends
// each connection's share of a second back to back at the start of the second, which measures a
// burst, not a steady rate.
import { Agent, request } from 'node:http'
import autocannon from 'autocannon'
import type { HttpCall } from './server-fn'

export interface LoadResult {
  requests: number
  /** Answered with 2xx, per second of the run. */
  rps: number
  p50: number
  p95: number
  p99: number
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number
  statuses: Record<string, number>
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)] ?? Number.NaN
}

/** What one run saw, before it is summarised: the runs of one server can be summarised together. */
export interface Samples {
  latencies: number[]
  statuses: Record<string, number>
  failures: number
  seconds: number
}

/** One result of one or more runs of the same server: their requests, latencies and time added up. */
export function summary(runs: readonly Samples[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b)
  const statuses: Record<string, number> = {}
  for (const run of runs)
    for (const [code, count] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + count
  const failures = runs.reduce((n, r) => n + r.failures, 0)
  const seconds = runs.reduce((n, r) => n + r.seconds, 0)
  const ok = Object.entries(statuses).reduce((n, [code, count]) => (code.startsWith('2') ? n + count : n), 0)
  const total = Object.values(statuses).reduce((a, b) => a + b, 0)
  return {
    requests: total + failures,
    rps: ok / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: failures + total - ok,
    statuses,
  }
}

export function closedLoopSamples(
  url: string,
  next: () => HttpCall,
  o: { connections: number; seconds: number },
): Promise<Samples> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: o.connections,
        duration: o.seconds,
        requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
      },
      (error, result) => {
        if (error) return reject(error)
        resolve({ latencies, statuses, failures: result.errors, seconds: result.duration })
      },
    )
    instance.on('response', (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1
      latencies.push(ms)
    })
  })
}

export const closedLoop = async (
  url: string,
  next: () => HttpCall,
  o: { connections: number; seconds: number },
) => summary([await closedLoopSamples(url, next, o)])

export async function paced(
  url: string,
  next: () => HttpCall,
  o: { rate: number; seconds: number },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 })
  const target = new URL(url)
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let failures = 0
  const total = Math.round(o.rate * o.seconds)
  const interval = 1000 / o.rate
  const started = performance.now()
  const inFlight: Promise<void>[] = []
  const send = (call: HttpCall, due: number) =>
    new Promise<void>((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: call.method,
          path: call.path,
          headers: call.body
            ? { ...call.headers, 'content-length': Buffer.byteLength(call.body) }
            : call.headers,
          timeout: 10_000,
        },
        (res) => {
          res.resume()
          res.on('end', () => {
            const code = String(res.statusCode)
            statuses[code] = (statuses[code] ?? 0) + 1
            latencies.push(performance.now() - due)
            resolve()
          })
        },
      )
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', () => {
        failures++
        resolve()
      })
      req.end(call.body)
    })
  for (let i = 0; i < total; i++) {
    const due = started + i * interval
    const wait = due - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    inFlight.push(send(next(), due))
  }
  await Promise.all(inFlight)
  agent.destroy()
  return summary([{ latencies, statuses, failures, seconds: (performance.now() - started) / 1000 }])
}
