// Authorization matrix, generated from the entry-point registry: for every entry point, on its
// example's target (./examples.ts, in ./world.ts),
//   - a user holding exactly the entry's scope on that target gets a real answer (200) — never 401
//     or 403 — showing nothing of another target of the same kind, nor anyone's hidden profile
//     fields unless the scope is a full-profile one;
//   - a user holding the same scope on another target of the same kind (a sibling group, another
//     resort's subtree, another user, a policy outside the issuer's subtree) or — for a subtree — on
//     its top group alone, a user holding every other scope on anything, and a logged-in user
//     holding nothing, get 403 — one and the same body, which carries none of the world's data the
//     caller did not send.
// Public entries (the scopes every visitor holds) have no refusal to prove; entries on anything have
// no other target. Both are recorded, with the counts, in test-results/boundaries-authorization.json.
import { afterAll, describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import type { EntryPoint } from '~/server/auth/entry-point'
import { SCOPE_NAMES, type Scope, type Target } from '~/server/auth/scopes'
import { parseInput } from '~/server/validate'
import { exampleOf } from './examples'
import { worldFixture } from './fixture'
import { grantEverywhere, grantExactly, newUser, otherTarget, scopesGranting } from './grants'
import { leakedMarkers } from './leaks'
import { tally } from './tally'

const { t, world, call, tokenOf } = worldFixture('authz')
/** The scopes whose holders see a user's hidden profile fields (ADR 0008). */
const FULL_PROFILE_SCOPES: readonly Scope[] = ['user:view-profile', 'user:edit']
const record = tally('authorization')
afterAll(() => record.write())

/** Users by what they hold, made on first use and kept for the file. */
const users = new Map<string, Promise<number>>()
function userHolding(key: string, grant: (userId: number) => Promise<void>): Promise<number> {
  let user = users.get(key)
  if (!user) {
    user = newUser(t.db, world()).then(async (userId) => {
      await grant(userId)
      return userId
    })
    users.set(key, user)
  }
  return user
}

const targetKey = (target: Target) => JSON.stringify(target)
const holderOf = (scope: Scope, on: Target) =>
  userHolding(`${scope} on ${targetKey(on)}`, (id) => grantExactly(t.db, world(), id, scope, on))
const holderOfAllBut = (scope: Scope) =>
  userHolding(`all but ${scope}`, (id) =>
    grantEverywhere(
      t.db,
      world(),
      id,
      SCOPE_NAMES.filter((s) => s !== scope && !scopesGranting(scope).includes(s)),
    ),
  )
const stranger = () => userHolding('nothing', async () => {})

async function refusals(entry: EntryPoint, input: unknown, on: Target) {
  const w = world()
  const other = otherTarget(w, on)
  const refused: [string, number][] = [
    ['a logged-in user holding nothing', await stranger()],
    [`every other scope on anything, not ${entry.scope}`, await holderOfAllBut(entry.scope)],
  ]
  if (other) refused.push([`${entry.scope} on another ${other.type}`, await holderOf(entry.scope, other)])
  else record.notApplicable(entry.name, 'another target', 'the target is anything: there is no other')
  // What spans a subtree is not opened by a right on its top group alone.
  if (on.type === 'subtree')
    refused.push([
      `${entry.scope} on the top group alone`,
      await holderOf(entry.scope, { type: 'group', groupId: on.groupId }),
    ])
  const bodies = []
  for (const [who, userId] of refused) {
    const outcome = await call(entry, input, await tokenOf(userId))
    expect([who, outcome.status], JSON.stringify(outcome.body)).toEqual([who, 403])
    expect([who, leakedMarkers(outcome.body, w.markers, input)]).toEqual([who, []])
    bodies.push(outcome.body)
    record.passed(entry.name, `403 to ${who}, nothing of the target in the body`)
  }
  expect(new Set(bodies.map((b) => JSON.stringify(b))).size, 'every refusal says the same').toBe(1)
}

describe('authorization: exactly the entry’s right on its target, nothing else, opens it', () => {
  for (const entry of ENTRY_POINTS) it(entry.name, () => entryMatrix(entry))
})

async function entryMatrix(entry: EntryPoint) {
  const { name } = entry
  const w = world()
  const example = exampleOf(entry)
  const input = example.input(w)
  const on = entry.target(parseInput(entry.input, input))

  if (w.publicScopes.includes(entry.scope)) {
    const outcome = await call(entry, input, await tokenOf(await stranger()))
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200)
    record.passed(name, 'a logged-in user holding nothing passes: every visitor holds it')
    record.notApplicable(name, 'refusals', `public: every visitor holds ${entry.scope}`)
    return
  }

  await refusals(entry, input, on)

  const holder = await holderOf(entry.scope, on)
  await example.prepare?.({ db: t.db, world: w, callerId: holder })
  const answered = await call(entry, input, await tokenOf(holder))
  expect(answered.status, JSON.stringify(answered.body)).toBe(200)
  record.passed(name, `exactly ${entry.scope} on the ${on.type} passes (${answered.status})`)
  if (!FULL_PROFILE_SCOPES.includes(entry.scope)) {
    // Hidden profile fields are for the owner and full-profile viewers only (ADR 0008).
    expect(leakedMarkers(answered.body, w.hiddenMarkers, input)).toEqual([])
    record.passed(name, 'the answer shows no hidden profile field')
  }
  const other = otherTarget(w, on)
  if (other) {
    // A right on one target shows nothing of another the holder has no right on.
    expect(leakedMarkers(answered.body, w.markersOf(other), input)).toEqual([])
    record.passed(name, `the answer shows nothing of another ${other.type}`)
  }
}
