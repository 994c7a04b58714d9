// A resort's reviewers' lists span the resort's whole subtree, so they are decided on the subtree
// (the `subtree` target): a right on the top group alone does not list the groups below it. Found
// by the authorization matrix (tests/boundaries): the lists were decided on the top group, so the
// deputy of a circle with subgroups — `evaluation:view` on the circle alone (the built-in
// "Körvezető-helyettes" template) — listed the subgroups' evaluations, which it may not open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGroup, createMember } from '../factories/records'
import { createTestApp } from '../support/app'
import { callerAs, codeOf } from '../support/trpc'

const t = createTestApp()
afterAll(t.close)

let circle: number
let subgroup: number
let deputy: Awaited<ReturnType<typeof callerAs>>
let leader: Awaited<ReturnType<typeof callerAs>>

beforeAll(async () => {
  circle = (await createGroup(t.db, 'hub')).id
  subgroup = (await createGroup(t.db, 'hub', { parentId: circle })).id
  const serving = ['NEWBIE', 'ACTIVE'] as const
  const post = async (kind: 'LEADER' | 'DEPUTY') =>
    (await createMember(t.db, 'hub', { groupId: circle, history: [...serving], posts: [kind] })).user.id
  deputy = await callerAs(t, await post('DEPUTY'), 'resort-lists-test')
  leader = await callerAs(t, await post('LEADER'), 'resort-lists-test')
  // The subgroup's evaluation of the current semester, as its first visit creates it.
  const { semester } = await leader.semester.current()
  await t.db.evaluation.create({ data: { realmId: 'hub', groupId: subgroup, semester } })
})

describe("a resort's lists of evaluations and colored cards", () => {
  it('are refused to a right on the top group alone, which cannot open the groups below it', async () => {
    expect(await codeOf(deputy.evaluation.get({ groupId: circle }))).toBe('OK')
    expect(await codeOf(deputy.evaluation.get({ groupId: subgroup }))).toBe('FORBIDDEN')
    expect(await codeOf(deputy.evaluation.listOfResort({ resortId: circle }))).toBe('FORBIDDEN')
  })

  it('list the subtree for a right that covers it (the leader sees the evaluations of the groups below)', async () => {
    expect(await codeOf(leader.evaluation.get({ groupId: subgroup }))).toBe('OK')
    const listed = await leader.evaluation.listOfResort({ resortId: circle })
    expect(listed.map((e) => e.groupId)).toEqual([subgroup])
  })
})
