// `pnpm bench` (full) and `pnpm bench --quick`: prints a table and writes bench-results/*.json.
// Ratios compare each case with the smallest one of the same run, never with a fixed number.
import { mkdirSync, writeFileSync } from 'node:fs'
import { benchPolicy } from './policy'

const quick = process.argv.includes('--quick')
const cases = benchPolicy(quick)
const floor = cases.find((c) => c.depth === 1 && c.statements === 10)
if (!floor) throw new Error('missing the floor case')

const rows = cases.map((c) => ({
  depth: c.depth,
  statements: c.statements,
  'warm p50 µs': c.warmP50Us.toFixed(3),
  'warm p99 µs': c.warmP99Us.toFixed(3),
  'p99 ÷ floor': (c.warmP99Us / floor.warmP99Us).toFixed(2),
  'cold snapshot ms': c.coldMs.toFixed(2),
}))
console.log(`Policy engine (${quick ? 'quick' : 'full'}): floor = depth 1, 10 statements`)
console.table(rows)
console.log('Targets: warm p99 < 50 µs; depth 10 / 10,000 statements within 1.5× of the floor.')

mkdirSync('bench-results', { recursive: true })
writeFileSync(
  'bench-results/policy.json',
  `${JSON.stringify({ quick, date: new Date().toISOString(), cases }, null, 2)}\n`,
)
