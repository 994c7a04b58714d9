// The database half of "deleting a group or user a statement points at removes the statement,
// never widens it": the foreign keys cascade, so no statement is left targeting nothing.
import { afterAll, describe, expect, it } from 'vitest'
import { createGroup, createUser } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)

describe('policy statements and deleted targets', () => {
  it('deleting the group or user a statement names deletes the statement, not its target', async () => {
    const group = await createGroup(t.db, 'hub')
    const user = await createUser(t.db, 'hub')
    const policy = await t.db.policy.create({ data: { realmId: 'hub', name: `schema test ${Date.now()}` } })
    await t.db.policyStatement.createMany({
      data: [
        {
          realmId: 'hub',
          scope: 'group:view-members',
          targetKind: 'GROUP' as const,
          groupId: group.id,
          withDescendants: true,
        },
        { realmId: 'hub', scope: 'user:edit', targetKind: 'USER' as const, userId: user.id },
        { realmId: 'hub', scope: 'group:view', targetKind: 'ANY' as const },
      ].map((s) => ({ ...s, policyId: policy.id })),
    })
    await t.db.group.delete({ where: { id_realmId: { id: group.id, realmId: 'hub' } } })
    await t.db.user.delete({ where: { id_realmId: { id: user.id, realmId: 'hub' } } })
    const left = await t.db.policyStatement.findMany({ where: { realmId: 'hub', policyId: policy.id } })
    expect(left.map((s) => [s.scope, s.targetKind, s.groupId, s.userId])).toEqual([
      ['group:view', 'ANY', null, null],
    ])
  })
})
