// Foreign ids (the confused deputy), generated from the entry-point registry: the guard decides on
// the target the input names (a group, a user, a policy), and the other ids in the input — a
// membership, an evaluation, a principle, a post type, a notification, an account, a statement —
// must belong to that target, or the service answers as if they did not exist. For every entry
// point, the holder of exactly its right on the example's target sends the example with one of
// those ids swapped for the same kind of row of another target (./foreign.ts); each such call
// answers 404 — or, for a read, 200 with nothing the proper call did not show — and changes
// nothing in the realm. Counts: test-results/boundaries-foreign-ids.json.
import { afterAll, describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import type { EntryPoint } from '~/server/auth/entry-point'
import { parseInput } from '~/server/validate'
import { exampleOf } from './examples'
import { worldFixture } from './fixture'
import { foreignVariants } from './foreign'
import { grantExactly, newUser } from './grants'
import { leakedMarkers } from './leaks'
import { realmState } from './realm-state'
import { tally } from './tally'

const { t, world, call, tokenOf } = worldFixture('foreign')
const record = tally('foreign-ids')
afterAll(() => record.write())

describe('foreign ids: every id in an input belongs to the target the guard decided on', () => {
  for (const entry of ENTRY_POINTS) it(entry.name, () => entryMatrix(entry))
})

async function entryMatrix(entry: EntryPoint) {
  const w = world()
  const example = exampleOf(entry)
  const input = example.input(w)
  const variants = foreignVariants(w, input)
  if (!variants.length) {
    record.notApplicable(entry.name, 'foreign ids', 'the input names no row beside its target')
    return
  }
  const on = entry.target(parseInput(entry.input, input))
  const holder = await newUser(t.db, w)
  await grantExactly(t.db, w, holder, entry.scope, on)
  const token = await tokenOf(holder)
  const prepare = () => example.prepare?.({ db: t.db, world: w, callerId: holder }) ?? Promise.resolve()

  await prepare()
  const proper = await call(entry, input, token)
  expect(proper.status, JSON.stringify(proper.body)).toBe(200)

  for (const variant of variants) {
    await prepare()
    expect(entry.target(parseInput(entry.input, variant.input)), variant.field).toEqual(on)
    const before = await realmState(t.db, w.realmId)
    const outcome = await call(entry, variant.input, token)
    const what = `${variant.field} of another ${variant.owner}`
    expect([what, outcome.status], JSON.stringify(outcome.body)).toEqual([
      what,
      outcome.status === 200 ? 200 : 404,
    ])
    expect([what, (await realmState(t.db, w.realmId)) === before]).toEqual([what, true])
    const shown = leakedMarkers(outcome.body, w.markers, variant.input).filter(
      (marker) => !leakedMarkers(proper.body, w.markers, input).includes(marker),
    )
    expect([what, shown]).toEqual([what, []])
    record.passed(entry.name, `${what}: ${outcome.status}, nothing changed or shown`)
  }
}
