// The server suite's tables and JSON: each entry point next to its floor and the ratio of their
// throughputs, the HTTP floor, the fixed-rate runs against issue 8's targets, the recomputation.
import type { LoadSummary } from './dataset/load'
import type { LoadResult } from './http/load'
import type { EntryResult, FixedRateResult, Times } from './http/measure'
import type { RecomputeResult } from './recompute'
import { type BenchTable, fixed, type SuiteReport } from './suite'

export const TARGETS = {
  readRatio: 0.5,
  mixedP99Ms: 50,
  saveP99Ms: 30,
  recomputeMs: 3_000,
  rssMb: 400,
}

const latency = (r: LoadResult) => ({
  'p50 ms': fixed(r.p50),
  'p95 ms': fixed(r.p95),
  'p99 ms': fixed(r.p99),
})

export function serverReport(o: {
  quick: boolean
  built: boolean
  dataset: LoadSummary
  seedMs: number
  connections: number
  times: Times
  entries: EntryResult[]
  hello: LoadResult | null
  fixedRate: FixedRateResult[]
  peakRssMb: number
  recompute: RecomputeResult | null
  failures: string[]
}): SuiteReport {
  const { entries, hello, fixedRate, recompute } = o
  const ratios = entries.map((e) => ({ entry: e.entry, ratio: e.app.rps / e.floor.rps }))
  // A run that measured nothing must not pass for a quick smoke run that did.
  for (const r of ratios)
    if (!Number.isFinite(r.ratio) || r.ratio <= 0)
      throw new Error(`no ratio for ${r.entry}: nothing was answered`)
  const served = (kind: FixedRateResult['kind'], server: FixedRateResult['server']) =>
    fixedRate.find((f) => f.kind === kind && f.server === server)?.result
  const tables: BenchTable[] = []
  if (entries.length)
    tables.push({
      caption:
        `Entry points (${o.quick ? 'quick' : 'full'}: ${o.connections} connections, ${o.times.each} s each in ${o.times.rounds} alternating rounds): ` +
        'the app through its real URL vs the floor answering the same data with pg',
      rows: entries.map((e, i) => ({
        entry: e.label,
        'app req/s': fixed(e.app.rps, 0),
        ...latency(e.app),
        errors: e.app.errors,
        'floor req/s': fixed(e.floor.rps, 0),
        'floor p99 ms': fixed(e.floor.p99),
        'app ÷ floor': fixed(ratios[i]?.ratio ?? Number.NaN, 2),
        'CPU ms/req': fixed(e.appCpuMs, 2),
        'floor CPU ms/req': fixed(e.floorCpuMs, 2),
        'RSS MB': fixed(e.rssMb, 0),
      })),
    })
  if (hello)
    tables.push({
      caption: 'HTTP floor: node:http answering a constant',
      rows: [{ server: 'hello', 'req/s': fixed(hello.rps, 0), ...latency(hello) }],
    })
  if (fixedRate.length)
    tables.push({
      caption: 'Fixed rate (open loop; latency from when each request was due)',
      rows: fixedRate.map((f) => ({
        load: f.name,
        server: f.server === 'app' ? 'the app' : 'its floors',
        'req/s': fixed(f.result.rps, 0),
        ...latency(f.result),
        errors: f.result.errors,
        'RSS MB': fixed(f.rssMb, 0),
      })),
    })
  if (recompute)
    tables.push({
      caption: 'Community points recomputation (the switch to QUIET), rolled back after each run',
      rows: [
        {
          semester: recompute.semester,
          users: recompute.users,
          'median ms': fixed(recompute.medianMs, 0),
          runs: recompute.runsMs.map((ms) => fixed(ms, 0)).join(', '),
        },
      ],
    })
  return {
    tables,
    failures: o.failures,
    notes: [
      `Dataset: ${Object.entries(o.dataset)
        .map(([k, v]) => `${v} ${k}`)
        .join(
          ', ',
        )}; seeded in ${fixed(o.seedMs / 1000)} s. Build: ${o.built ? 'built now' : 'dist/ reused'}.`,
      `Server memory: peak RSS ${fixed(o.peakRssMb, 0)} MB over the run.`,
      ...(['mixed', 'saves'] as const).flatMap((kind) => {
        const [app, floor] = [served(kind, 'app'), served(kind, 'floor')]
        return app && floor
          ? [
              `${kind === 'mixed' ? 'Mixed load' : 'Saves'} at a fixed rate: the app served ${fixed(app.rps / floor.rps, 2)} ` +
                `of what its floor served (p99 ${fixed(app.p99, 0)} ms vs ${fixed(floor.p99, 0)} ms).`,
            ]
          : []
      }),
      `Targets (full mode; quick mode only checks that it ran): reads ≥ ${TARGETS.readRatio} of the floor; ` +
        `mixed p99 < ${TARGETS.mixedP99Ms} ms, no errors; save p99 < ${TARGETS.saveP99Ms} ms; ` +
        `recomputation < ${TARGETS.recomputeMs / 1000} s; RSS < ${TARGETS.rssMb} MB.`,
    ],
    json: {
      quick: o.quick,
      date: new Date().toISOString(),
      built: o.built,
      dataset: o.dataset,
      seedMs: o.seedMs,
      connections: o.connections,
      times: o.times,
      entries: entries.map((e, i) => ({ ...e, ratio: ratios[i]?.ratio })),
      hello,
      fixedRate,
      peakRssMb: o.peakRssMb,
      recompute,
      failures: o.failures,
      targets: TARGETS,
    },
  }
}
