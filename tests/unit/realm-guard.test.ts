import { describe, expect, it } from 'vitest'
import { assertRealmScoped, RealmGuardError } from '~/server/db/realm-guard'

const ok = (model: string, op: string, args: unknown) => () => assertRealmScoped(model, op, args, 'hub')

describe('realm guard', () => {
  it('accepts queries that name the bound realm', () => {
    expect(ok('Group', 'findMany', { where: { realmId: 'hub', archived: false } })).not.toThrow()
    expect(ok('Group', 'findUnique', { where: { id_realmId: { id: 1, realmId: 'hub' } } })).not.toThrow()
    expect(
      ok('User', 'upsert', {
        where: { realmId_subject: { realmId: 'hub', subject: 's' } },
        create: { realmId: 'hub' },
        update: {},
      }),
    ).not.toThrow()
    expect(ok('Group', 'count', { where: { AND: [{ realmId: { equals: 'hub' } }] } })).not.toThrow()
    expect(ok('Group', 'createMany', { data: [{ realmId: 'hub' }, { realmId: 'hub' }] })).not.toThrow()
    expect(ok('Realm', 'findMany', {})).not.toThrow()
  })

  it.each([
    ['findMany without where', 'findMany', {}],
    ['where without realm', 'findFirst', { where: { id: 1 } }],
    ['realm only inside OR', 'findMany', { where: { OR: [{ realmId: 'hub' }, { id: 1 }] } }],
    ['another realm', 'findMany', { where: { realmId: 'other' } }],
    ['another realm in a compound key', 'delete', { where: { id_realmId: { id: 1, realmId: 'other' } } }],
    ['updateMany without realm', 'updateMany', { where: { archived: true }, data: { archived: false } }],
    ['deleteMany without realm', 'deleteMany', {}],
    ['create without realm', 'create', { data: { name: 'x' } }],
    ['create in another realm', 'create', { data: { realmId: 'other' } }],
    ['createMany with one row elsewhere', 'createMany', { data: [{ realmId: 'hub' }, { realmId: 'other' }] }],
    [
      'update moving a row out of the realm',
      'update',
      { where: { id_realmId: { id: 1, realmId: 'hub' } }, data: { realmId: 'other' } },
    ],
  ])('refuses %s', (_name, operation, args) => {
    expect(ok('Group', operation, args)).toThrow(RealmGuardError)
  })
})
