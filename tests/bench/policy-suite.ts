// The policy engine's microbenchmarks (./policy.ts) as a part of `pnpm bench`: every case next to its
// ratio to the smallest case of the same run (depth 1, 10 statements).
import { benchPolicy } from './policy'
import { fixed, type Suite } from './suite'

export const policySuite: Suite = {
  name: 'policy',
  async run({ quick }) {
    const cases = benchPolicy(quick)
    const floor = cases.find((c) => c.depth === 1 && c.statements === 10)
    if (!floor) throw new Error('missing the floor case')
    return {
      tables: [
        {
          caption: `Policy engine (${quick ? 'quick' : 'full'}): floor = depth 1, 10 statements`,
          rows: cases.map((c) => ({
            depth: c.depth,
            statements: c.statements,
            'warm p50 µs': fixed(c.warmP50Us, 3),
            'warm p99 µs': fixed(c.warmP99Us, 3),
            'p99 ÷ floor': fixed(c.warmP99Us / floor.warmP99Us, 2),
            'cold snapshot ms': fixed(c.coldMs, 2),
          })),
        },
      ],
      notes: ['Targets: warm p99 < 50 µs; depth 10 / 10,000 statements within 1.5× of the floor.'],
      json: { quick, date: new Date().toISOString(), cases },
    }
  },
}
