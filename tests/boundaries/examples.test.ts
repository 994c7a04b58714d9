// The matrices cover every entry point: each has an example input its own schema accepts, and a way
// to be called (its tRPC procedure, or the guard alone for the few that only server functions and
// plain routes serve — listed with where their handlers are tested). A new entry point fails here
// until it gets both. What each entry requires is kept as a reviewed list, so a change of who may
// call something shows in the diff.
import { describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import type { Reveal } from '~/server/auth/entry-point'
import { EXAMPLES } from './examples'
import { worldFixture } from './fixture'
import { GUARD_ONLY, PROCEDURES } from './transport'
import { buildWorld } from './world'

const { t, world } = worldFixture('examples')
const names = ENTRY_POINTS.map((e) => e.name)

describe('the examples', () => {
  it('name every entry point of the registry, and nothing else', () => {
    expect(names.filter((name) => !EXAMPLES[name])).toEqual([])
    expect(Object.keys(EXAMPLES).filter((name) => !names.includes(name))).toEqual([])
  })

  it("are accepted by their entry point's schema", () => {
    for (const entry of ENTRY_POINTS) {
      const parsed = entry.input.safeParse(EXAMPLES[entry.name]?.input(world()))
      expect([entry.name, parsed.error?.issues ?? []]).toEqual([entry.name, []])
    }
  })
})

describe('the transports', () => {
  it('reach every entry point: one tRPC procedure each, or the guard alone when listed as guard-only', () => {
    for (const entry of ENTRY_POINTS) {
      const count = PROCEDURES.get(entry.name)?.length ?? 0
      expect([entry.name, count]).toEqual([entry.name, entry.name in GUARD_ONLY ? 0 : 1])
    }
    expect(Object.keys(GUARD_ONLY).filter((name) => !names.includes(name))).toEqual([])
  })
})

describe('the requirements', () => {
  it('are the reviewed ones: a change of who may call an entry point shows in this list', async () => {
    const reveal = (r: Reveal) => (typeof r === 'string' ? r : `${r.scope} on ${r.on.type}`)
    const lines = ENTRY_POINTS.map((entry) => {
      const on = entry.target(entry.input.parse(EXAMPLES[entry.name]?.input(world()))).type
      const reveals = entry.reveal.length ? `; reveals ${entry.reveal.map(reveal).join(', ')}` : ''
      return `${entry.name}: ${entry.scope} on ${on}${reveals}`
    })
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('requirements.txt')
  })
})

describe('the world', () => {
  it('is built again in another realm with the same ids — but the realm’s own root — and markers of its own', async () => {
    const first = world()
    const again = await buildWorld(t.db, `${first.realmId}-again`, { idBase: first.idBase })
    const ids = (w: typeof first) => ({
      users: w.users,
      groups: w.groups,
      memberships: w.memberships,
      postTypes: w.postTypes,
      policies: { ...w.policies, root: undefined },
      statements: w.statements,
      evaluations: w.evaluations,
      principles: w.principles,
      notifications: w.notifications,
      externalAccounts: w.externalAccounts,
      switches: w.switches,
    })
    expect(ids(again)).toEqual(ids(first))
    expect(again.markers.filter((m) => first.markers.includes(m))).toEqual([])
  })
})
