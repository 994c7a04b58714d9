// What a matrix proved, for docs/security.md: each passed case per entry point, and the cases that
// do not apply to an entry with the reason, written to test-results/boundaries-<matrix>.json when
// the file ends. A case counts once its assertions have passed.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface Tally {
  passed(entry: string, kase: string): void
  notApplicable(entry: string, kase: string, why: string): void
  write(): void
}

export function tally(matrix: string): Tally {
  const passed = new Map<string, string[]>()
  const skipped = new Map<string, string[]>()
  const add = (to: Map<string, string[]>, entry: string, line: string) => {
    to.set(entry, [...(to.get(entry) ?? []), line])
  }
  return {
    passed: (entry, kase) => add(passed, entry, kase),
    notApplicable: (entry, kase, why) => add(skipped, entry, `${kase}: ${why}`),
    write: () =>
      writeResults(matrix, {
        entryPoints: passed.size,
        cases: [...passed.values()].reduce((sum, cases) => sum + cases.length, 0),
        notApplicable: Object.fromEntries(skipped),
        passed: Object.fromEntries(passed),
      }),
  }
}

/** Writes a matrix's summary to test-results/boundaries-<matrix>.json, stamped with the time. */
export function writeResults(matrix: string, summary: Record<string, unknown>) {
  const folder = path.resolve(import.meta.dirname, '../../test-results')
  mkdirSync(folder, { recursive: true })
  const stamped = { matrix, finishedAt: new Date().toISOString(), ...summary }
  writeFileSync(path.join(folder, `boundaries-${matrix}.json`), `${JSON.stringify(stamped, null, 2)}\n`)
}
