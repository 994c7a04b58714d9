// What one part of `pnpm bench` hands back to tests/bench/run.ts: tables to print (every figure next
// to its ratio to a floor measured in the same run) and the JSON written to bench-results/<name>.json.

export interface BenchOptions {
  quick: boolean
  /** The repository's root. */
  root: string
  /** Build the production server even when dist/ is fresh (`pnpm bench --build`). */
  build: boolean
  /** `--only=a,b`: the suites or parts of suites to run (everything when empty). */
  only: readonly string[]
  /**
   * `--mixed-rate=N`: the mixed load's rate instead of the target's 300 req/s, for a machine too slow
   * for even the floors to serve that (docs/performance.md); the target is judged at 300 only.
   */
  mixedRate?: number
}

export interface BenchTable {
  caption: string
  rows: Record<string, string | number>[]
}

export interface SuiteReport {
  tables: BenchTable[]
  /** Lines printed under the tables: the targets, what the floor is. */
  notes: string[]
  /** What went wrong (not slow: broken). The results are still written; then `pnpm bench` fails. */
  failures?: string[]
  json: unknown
}

export interface Suite {
  /** The JSON's file name: bench-results/<name>.json. */
  name: string
  /** Parts `--only` may name one by one; naming the suite runs all of them. */
  parts?: readonly string[]
  run(options: BenchOptions): Promise<SuiteReport>
}

/** Whether `--only` asks for this suite (or some part of it). */
export const selected = (suite: Suite, only: readonly string[]) =>
  only.length === 0 || only.includes(suite.name) || (suite.parts ?? []).some((p) => only.includes(p))

/** Whether `--only` asks for this part of `suite`. */
export const partSelected = (suite: Suite, part: string, only: readonly string[]) =>
  only.length === 0 || only.includes(suite.name) || only.includes(part)

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–')

/** The `p`th percentile of ascending `sorted` (the sample at index ⌊n·p/100⌋), NaN when empty. */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN
