// Editing a profile: shared validation, normalised values, optimistic concurrency on
// Profile.version, the search text kept in step, and external accounts.
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_EXTERNAL_ACCOUNTS } from '~/domains/user/external-account.schema'
import { ExternalAccountService } from '~/domains/user/external-account.service'
import type { ProfileFields } from '~/domains/user/profile.schema'
import { ProfileService } from '~/domains/user/profile.service'
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '~/server/errors'
import { ALL_PUBLIC, createRegisteredUser } from '../factories/people'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)
const profiles = () => t.app.resolve(ProfileService)
const accounts = () => t.app.resolve(ExternalAccountService)

const BLANK: ProfileFields = {
  nickname: '',
  gender: 'NOT_SPECIFIED',
  dateOfBirth: '',
  homeAddress: '',
  cellPhone: '',
  webpage: '',
  dormitory: 'SCHONHERZ',
  room: '1319',
  studentStatus: 'ACTIVE',
}

async function fieldErrors(call: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await call
  } catch (error) {
    if (error instanceof ValidationError) return error.fields
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('ProfileService.update', () => {
  it('stores normalised values, moves the version on and refreshes the search text', async () => {
    const user = await createRegisteredUser(t.db, 'hub', { familyName: 'Szerkesztő', givenName: 'Szilvia' })
    const saved = await profiles().update(user.id, 0, {
      ...BLANK,
      nickname: '  Szilvi  ',
      gender: 'FEMALE',
      dateOfBirth: '2002-02-28',
      homeAddress: 'Irinyi József u. 42., Budapest',
      cellPhone: '+36 30 123-4567',
      webpage: 'https://szilvi.example/',
      room: '1204',
      studentStatus: 'GRADUATED',
    })
    expect(saved.version).toBe(1)
    expect(saved.fields).toEqual({
      nickname: 'Szilvi',
      gender: 'FEMALE',
      dateOfBirth: '2002-02-28',
      homeAddress: 'Irinyi József u. 42., Budapest',
      cellPhone: '+36301234567',
      webpage: 'https://szilvi.example/',
      dormitory: 'SCHONHERZ',
      room: '1204',
      studentStatus: 'GRADUATED',
    })
    const stored = await t.db.profile.findUniqueOrThrow({
      where: { userId_realmId: { userId: user.id, realmId: 'hub' } },
    })
    expect(stored.searchPublic).toContain('szilvi')
    expect(stored.searchPublic).toContain('1204')
    // Emptying a field stores null, never an empty string.
    const cleared = await profiles().update(user.id, 1, { ...BLANK, room: '1204' })
    expect(cleared.fields).toMatchObject({
      nickname: null,
      cellPhone: null,
      webpage: null,
      dateOfBirth: null,
    })
  })

  it('refuses invalid values with a message per field', async () => {
    const user = await createRegisteredUser(t.db, 'hub')
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    expect(
      await fieldErrors(
        profiles().update(user.id, 0, {
          ...BLANK,
          nickname: 'n'.repeat(51),
          cellPhone: '123',
          webpage: 'javascript:alert(1)',
          dateOfBirth: tomorrow,
          homeAddress: 'a'.repeat(201),
          room: '<script>',
        }),
      ),
    ).toEqual({
      nickname: ['tooLong'],
      cellPhone: ['phone'],
      webpage: ['url'],
      dateOfBirth: ['dateInFuture'],
      homeAddress: ['tooLong'],
      room: ['roomChars'],
    })
    expect(await fieldErrors(profiles().update(user.id, 0, { ...BLANK, dateOfBirth: '1899-12-31' }))).toEqual(
      {
        dateOfBirth: ['dateTooEarly'],
      },
    )
    expect(await fieldErrors(profiles().update(user.id, 0, { ...BLANK, dateOfBirth: '2001-02-30' }))).toEqual(
      {
        dateOfBirth: ['date'],
      },
    )
    expect(
      await fieldErrors(profiles().update(user.id, 0, { ...BLANK, webpage: 'ftp://files.example' })),
    ).toEqual({ webpage: ['url'] })
    const stored = await t.db.profile.findUniqueOrThrow({
      where: { userId_realmId: { userId: user.id, realmId: 'hub' } },
    })
    expect(stored.version).toBe(0)
  })

  it('answers a stale version with 409 and keeps the newer edit', async () => {
    const user = await createRegisteredUser(t.db, 'hub')
    await profiles().update(user.id, 0, { ...BLANK, nickname: 'első' })
    await expect(profiles().update(user.id, 0, { ...BLANK, nickname: 'elavult' })).rejects.toBeInstanceOf(
      ConflictError,
    )
    expect((await profiles().editable(user.id)).fields.nickname).toBe('első')
  })

  it('lets one of two simultaneous edits from the same version win; the other gets 409, nothing is lost', async () => {
    const user = await createRegisteredUser(t.db, 'hub')
    const edits = ['Egyik', 'Másik'] as const
    const results = await Promise.allSettled(
      edits.map((nickname) =>
        profiles().update(user.id, 0, {
          ...BLANK,
          nickname,
          cellPhone: nickname === 'Egyik' ? '+36201111111' : '',
        }),
      ),
    )
    const winners = edits.filter((_, i) => results[i]?.status === 'fulfilled')
    const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(1)
    expect(losers[0]).toBeInstanceOf(ConflictError)
    // The stored profile is the winner's edit, whole: no field of the loser slipped in.
    const stored = await profiles().editable(user.id)
    expect(stored.version).toBe(1)
    expect(stored.fields.nickname).toBe(winners[0])
    expect(stored.fields.cellPhone).toBe(winners[0] === 'Egyik' ? '+36201111111' : null)
  })

  it('sets the privacy switches under the same version rule and updates the public search text', async () => {
    const user = await createRegisteredUser(t.db, 'hub', { email: 'kapcsolgato@pek.example' })
    const before = await profiles().editable(user.id)
    // The schema's defaults: webpage and room public, everything else hidden.
    expect(before.privacy).toEqual({
      genderPublic: false,
      dateOfBirthPublic: false,
      homeAddressPublic: false,
      emailPublic: false,
      cellPhonePublic: false,
      webpagePublic: true,
      roomPublic: true,
    })
    const after = await profiles().setPrivacy(user.id, before.version, {
      ...before.privacy,
      emailPublic: true,
    })
    expect(after.privacy.emailPublic).toBe(true)
    expect(after.version).toBe(before.version + 1)
    const stored = await t.db.profile.findUniqueOrThrow({
      where: { userId_realmId: { userId: user.id, realmId: 'hub' } },
    })
    expect(stored.searchPublic).toContain('kapcsolgato@pek.example')
    await expect(
      profiles().setPrivacy(user.id, before.version, { ...before.privacy, emailPublic: false }),
    ).rejects.toBeInstanceOf(ConflictError)
  })

  it('answers an unknown user with NotFoundError, not a conflict', async () => {
    await expect(profiles().update(2_000_000_002, 0, BLANK)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('refuses a user who has not registered yet (no screen name) and leaves the profile as it was', async () => {
    const { id } = await createUser(t.db, 'hub')
    const where = { userId_realmId: { userId: id, realmId: 'hub' } }
    const before = await t.db.profile.findUniqueOrThrow({ where })
    await expect(profiles().update(id, before.version, BLANK)).rejects.toBeInstanceOf(NotFoundError)
    await expect(profiles().setPrivacy(id, before.version, ALL_PUBLIC)).rejects.toBeInstanceOf(NotFoundError)
    expect(await t.db.profile.findUniqueOrThrow({ where })).toEqual(before)
  })
})

describe('ExternalAccountService', () => {
  it('adds, edits and removes an account of the owner', async () => {
    const user = await createRegisteredUser(t.db, 'hub')
    const [added] = await accounts().add(user.id, { protocol: 'TELEGRAM', accountName: ' @feri ' })
    expect(added).toMatchObject({ protocol: 'TELEGRAM', accountName: '@feri' })
    if (!added) throw new Error('not added')
    const edited = await accounts().update(user.id, added.id, { protocol: 'X', accountName: '@feri_x' })
    expect(edited).toEqual([{ id: added.id, protocol: 'X', accountName: '@feri_x' }])
    expect(await accounts().remove(user.id, added.id)).toEqual([])
  })

  it('never touches another user’s account, even by its id', async () => {
    const owner = await createRegisteredUser(t.db, 'hub')
    const other = await createRegisteredUser(t.db, 'hub')
    const [account] = await accounts().add(owner.id, { protocol: 'IRC', accountName: 'tulaj' })
    if (!account) throw new Error('not added')
    await expect(
      accounts().update(other.id, account.id, { protocol: 'IRC', accountName: 'elvett' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(accounts().remove(other.id, account.id)).rejects.toBeInstanceOf(NotFoundError)
    expect(await accounts().list(owner.id)).toEqual([account])
  })

  it('validates the protocol and the name, and caps the number of accounts', async () => {
    const user = await createRegisteredUser(t.db, 'hub')
    expect(
      await fieldErrors(accounts().add(user.id, { protocol: 'IRC', accountName: 'x'.repeat(101) })),
    ).toEqual({
      accountName: ['tooLong'],
    })
    expect(await fieldErrors(accounts().add(user.id, { protocol: 'IRC', accountName: '   ' }))).toEqual({
      accountName: ['required'],
    })
    const bad = await fieldErrors(accounts().add(user.id, { protocol: 'MYSPACE' as 'IRC', accountName: 'x' }))
    expect(Object.keys(bad)).toEqual(['protocol'])
    await accounts().add(user.id, { protocol: 'OTHER', accountName: 'x'.repeat(100) })
    for (let i = 1; i < MAX_EXTERNAL_ACCOUNTS; i++) {
      await accounts().add(user.id, { protocol: 'OTHER', accountName: `fiók ${i}` })
    }
    await expect(
      accounts().add(user.id, { protocol: 'OTHER', accountName: 'egy túl sok' }),
    ).rejects.toBeInstanceOf(InvalidStateError)
  })
})
