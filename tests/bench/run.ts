// `pnpm bench` (full) and `pnpm bench --quick`; `--build` rebuilds dist/ even when it is fresh,
// `--only=roster,mixed` runs only the named suites or parts (while working on one of them);
// `--mixed-rate=150` drives the mixed load at another rate than the target's (a slow machine). Runs
// every suite below, prints its tables and writes bench-results/<suite>.json. A figure is
// always shown next to its ratio to a floor measured in the same run, never against a fixed number:
// these machines are noisy. A new suite is one more entry in SUITES (see ./suite.ts).
// The services the suites construct are tsyringe-decorated: the polyfill must load first.
import 'reflect-metadata'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { policySuite } from './policy-suite'
import { rlsSuite } from './rls-suite'
import { serverSuite } from './server-suite'
import { type BenchOptions, type Suite, selected } from './suite'

const SUITES: Suite[] = [policySuite, rlsSuite, serverSuite]

const optionValue = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(`--${name}=`.length)
const mixedRate = optionValue('mixed-rate')
if (mixedRate !== undefined && !/^[1-9]\d*$/.test(mixedRate))
  throw new Error(`--mixed-rate must be a whole number of requests per second, not "${mixedRate}"`)

const options: BenchOptions = {
  quick: process.argv.includes('--quick'),
  build: process.argv.includes('--build'),
  root: join(import.meta.dirname, '../..'),
  only: (optionValue('only') ?? '').split(',').filter(Boolean),
  ...(mixedRate ? { mixedRate: Number(mixedRate) } : {}),
}
const started = performance.now()
mkdirSync(join(options.root, 'bench-results'), { recursive: true })
for (const suite of SUITES.filter((s) => selected(s, options.only))) {
  const report = await suite.run(options)
  for (const table of report.tables) {
    console.log(`\n${table.caption}`)
    console.table(table.rows)
  }
  for (const note of report.notes) console.log(note)
  for (const failure of report.failures ?? []) console.error(`FAILED (${suite.name}): ${failure}`)
  if (report.failures?.length) process.exitCode = 1
  writeFileSync(
    join(options.root, 'bench-results', `${suite.name}.json`),
    `${JSON.stringify(report.json, null, 2)}\n`,
  )
}
console.log(
  `\npnpm bench${options.quick ? ' --quick' : ''}: ${Math.round((performance.now() - started) / 1000)} s`,
)
