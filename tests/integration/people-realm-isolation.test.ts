// Rule 2 of docs/ARCHITECTURE.md for the people services: a second realm holds a user with the same
// id and screen name as a hub user; no registration, profile or account method reads or changes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MembershipService } from '~/domains/membership/membership.service'
import { ExternalAccountService } from '~/domains/user/external-account.service'
import { ProfileService } from '~/domains/user/profile.service'
import { RegistrationService } from '~/domains/user/registration.service'
import { NotFoundError } from '~/server/errors'
import { createRegisteredUser, uniqueScreenName } from '../factories/people'
import { createUser, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'
import { idBlock } from '../support/ids'

const t = createTestApp()
afterAll(t.close)
const OTHER = 'people-isolation-other'
const id = idBlock()
const ids = { registered: id(0), newcomer: id(1), otherOnly: id(2), otherAccount: id(3) }
const screenName = uniqueScreenName('Kettos')

const otherRealmSnapshot = async () =>
  JSON.stringify([
    await t.db.user.findMany({ where: { realmId: OTHER }, orderBy: { id: 'asc' } }),
    await t.db.profile.findMany({ where: { realmId: OTHER }, orderBy: { userId: 'asc' } }),
    await t.db.externalAccount.findMany({ where: { realmId: OTHER }, orderBy: { id: 'asc' } }),
  ])
let before: string

beforeAll(async () => {
  await ensureRealm(t.db, OTHER)
  for (const realmId of ['hub', OTHER]) {
    const label = realmId === 'hub' ? 'Hub' : 'Másik'
    await createRegisteredUser(t.db, realmId, { id: ids.registered, screenName, familyName: label })
    await createUser(t.db, realmId, { id: ids.newcomer, familyName: label })
  }
  await createRegisteredUser(t.db, OTHER, { id: ids.otherOnly, screenName: uniqueScreenName('csakott') })
  await t.db.externalAccount.create({
    data: {
      id: ids.otherAccount,
      realmId: OTHER,
      userId: ids.registered,
      protocol: 'IRC',
      accountName: 'masik',
    },
  })
  before = await otherRealmSnapshot()
})

describe('people services stay in the hub realm', () => {
  it('read only hub rows', async () => {
    const profiles = t.app.resolve(ProfileService)
    expect(await profiles.userIdOf(screenName)).toEqual({ userId: ids.registered })
    const view = await profiles.profileOf(ids.registered, { full: true, editable: true })
    expect(view.lastName).toBe('Hub')
    expect(view.externalAccounts).toEqual([])
    await expect(profiles.profileOf(ids.otherOnly, { full: true, editable: true })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    expect(await t.app.resolve(ExternalAccountService).list(ids.registered)).toEqual([])
    expect(await t.app.resolve(MembershipService).ofUser(ids.otherOnly)).toEqual([])
  })

  it('change only hub rows', async () => {
    const profiles = t.app.resolve(ProfileService)
    const accounts = t.app.resolve(ExternalAccountService)
    await t.app
      .resolve(RegistrationService)
      .register(ids.newcomer, { screenName: uniqueScreenName('uj'), dormitory: 'EXTERNAL', room: null })
    const edited = await profiles.update(ids.registered, 0, {
      nickname: 'Hubi',
      gender: 'OTHER',
      dateOfBirth: null,
      homeAddress: null,
      cellPhone: '+36 1 234 5678',
      webpage: null,
      dormitory: 'KARMAN',
      room: '12',
      studentStatus: 'ACTIVE',
    })
    await profiles.setPrivacy(ids.registered, edited.version, { ...edited.privacy, cellPhonePublic: true })
    const [account] = await accounts.add(ids.registered, { protocol: 'GITHUB', accountName: 'hubi' })
    if (!account) throw new Error('not added')
    await accounts.update(ids.registered, account.id, { protocol: 'GITHUB', accountName: 'hubi2' })
    await accounts.remove(ids.registered, account.id)
    await expect(
      accounts.update(ids.registered, ids.otherAccount, { protocol: 'IRC', accountName: 'x' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(accounts.remove(ids.registered, ids.otherAccount)).rejects.toBeInstanceOf(NotFoundError)
    await expect(profiles.update(ids.otherOnly, 0, { ...edited.fields })).rejects.toBeInstanceOf(
      NotFoundError,
    )
    expect(await otherRealmSnapshot()).toBe(before)
  })
})
