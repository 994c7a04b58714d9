// Every write that can change a decision bumps the realm's policy version inside its own
// transaction, whoever writes (ADR 0012): here plain Prisma writes with no service involved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGroup, createMembership, createUser, ensureRealm, givePost } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
const OTHER = 'trigger-realm'
const version = async (realmId = 'hub') =>
  (await t.db.policyVersion.findUnique({ where: { realmId } }))?.version ?? 0

/** How much `write` moved the hub's version. */
async function bumpOf(write: () => Promise<unknown>): Promise<number> {
  const before = await version()
  await write()
  return (await version()) - before
}

let userId: number
let groupId: number
let policyId: number

beforeAll(async () => {
  await ensureRealm(t.db, OTHER)
  userId = (await createUser(t.db, 'hub')).id
  groupId = (await createGroup(t.db, 'hub')).id
  const root = await t.db.policy.findUniqueOrThrow({
    where: { realmId_name: { realmId: 'hub', name: 'Szuperadmin' } },
  })
  policyId = (
    await t.db.policy.create({ data: { realmId: 'hub', name: `trigger ${Date.now()}`, parentId: root.id } })
  ).id
})
afterAll(t.close)

describe('the policy version', () => {
  it('moves with policies, statements, assignments and bindings', async () => {
    const hub = { realmId: 'hub' }
    expect(
      await bumpOf(() =>
        t.db.policy.update({ where: { id_realmId: { id: policyId, ...hub } }, data: { description: 'x' } }),
      ),
    ).toBe(1)
    const statement = await t.db.policyStatement.create({
      data: { ...hub, policyId, scope: 'group:view', targetKind: 'ANY' },
    })
    expect(
      await bumpOf(() =>
        t.db.policyStatement.delete({ where: { id_realmId: { id: statement.id, ...hub } } }),
      ),
    ).toBe(1)
    expect(await bumpOf(() => t.db.policyAssignment.create({ data: { ...hub, policyId, userId } }))).toBe(1)
    expect(
      await bumpOf(() => t.db.policyAssignment.deleteMany({ where: { ...hub, policyId, userId } })),
    ).toBe(1)
    const leader = await t.db.postType.findFirstOrThrow({ where: { ...hub, groupId: null, kind: 'LEADER' } })
    expect(
      await bumpOf(() => t.db.postTypePolicy.create({ data: { ...hub, policyId, postTypeId: leader.id } })),
    ).toBe(1)
  })

  it('moves with posts and the group tree, and not with other group edits', async () => {
    const membership = await createMembership(t.db, 'hub', {
      groupId,
      userId,
      history: ['PENDING', 'ACTIVE'],
    })
    expect(await bumpOf(() => givePost(t.db, 'hub', { membershipId: membership.id, kind: 'DEPUTY' }))).toBe(1)
    expect(
      await bumpOf(() => t.db.post.deleteMany({ where: { realmId: 'hub', membershipId: membership.id } })),
    ).toBe(1)
    const parent = (await createGroup(t.db, 'hub')).id
    const where = { id_realmId: { id: groupId, realmId: 'hub' } }
    expect(
      await bumpOf(() => t.db.group.update({ where, data: { shortDescription: 'no tree change' } })),
    ).toBe(0)
    expect(await bumpOf(() => t.db.group.update({ where, data: { parentId: parent } }))).toBe(1)
    expect(await bumpOf(() => createGroup(t.db, 'hub'))).toBe(1)
  })

  it('moves once for a bulk write, and only in the realm written', async () => {
    const users = await Promise.all([1, 2, 3].map(() => createUser(t.db, 'hub')))
    const other = await version(OTHER)
    expect(
      await bumpOf(() =>
        t.db.policyAssignment.createMany({
          data: users.map((u) => ({ realmId: 'hub', policyId, userId: u.id })),
        }),
      ),
    ).toBe(1)
    expect(await version(OTHER)).toBe(other)
  })
})
