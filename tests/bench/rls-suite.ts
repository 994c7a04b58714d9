// Row-level security's price (./rls.ts) as a part of `pnpm bench`: each read with the realm policies
// on, next to the same read with them off in the same run (the floor).
import { benchRls } from './rls'
import { fixed, type Suite } from './suite'

const ms = (us: number) => fixed(us / 1000, 2)

export const rlsSuite: Suite = {
  name: 'rls',
  async run({ quick }) {
    const result = await benchRls(quick)
    return {
      tables: [
        {
          caption: `Row-level security (${quick ? 'quick' : 'full'}, ${result.database}): floor = the same read with the policies off`,
          rows: result.cases.map((c) => ({
            read: c.read,
            'off p50 ms': ms(c.offP50Us),
            'on p50 ms': ms(c.onP50Us),
            'p50 on ÷ off': fixed(c.onP50Us / c.offP50Us, 2),
            'off p99 ms': ms(c.offP99Us),
            'on p99 ms': ms(c.onP99Us),
            'p99 on ÷ off': fixed(c.onP99Us / c.offP99Us, 2),
          })),
        },
      ],
      notes: [
        'Floor: the same read, same data, role and connection, with the policies disabled. ADR 0021 measured 0.75–1.2× (the machine’s noise); look into a read well above that.',
      ],
      json: { quick, date: new Date().toISOString(), ...result },
    }
  },
}
