// Registration at first login: a unique screen name (ignoring case), dormitory and room, once.
import { afterAll, describe, expect, it } from 'vitest'
import { RegistrationService } from '~/domains/user/registration.service'
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '~/server/errors'
import { uniqueScreenName } from '../factories/people'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)
const registration = () => t.app.resolve(RegistrationService)
const newcomer = (familyName = 'Újonc') => createUser(t.db, 'hub', { familyName, givenName: 'Ferenc' })

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('RegistrationService.register', () => {
  it('stores the screen name, its case-free key, dormitory and room, and the search text', async () => {
    const user = await newcomer('Regisztráló')
    const screenName = uniqueScreenName('Feri.')
    const result = await registration().register(user.id, {
      screenName,
      dormitory: 'SCHONHERZ',
      room: '1319',
    })
    expect(result).toEqual({ id: user.id, screenName })
    const stored = await t.db.user.findUniqueOrThrow({
      where: { id_realmId: { id: user.id, realmId: 'hub' } },
      include: { profile: true },
    })
    expect(stored.screenName).toBe(screenName)
    expect(stored.screenNameKey).toBe(screenName.toLowerCase())
    expect(stored.profile).toMatchObject({ dormitory: 'SCHONHERZ', room: '1319', version: 1 })
    // The room is public by default and the screen name is always searchable.
    expect(stored.profile?.searchPublic).toContain(screenName.toLowerCase())
    expect(stored.profile?.searchPublic).toContain('1319')
  })

  it('refuses a name taken in another letter case with 409 and a field message', async () => {
    const first = await newcomer()
    const second = await newcomer()
    const name = uniqueScreenName('Kisfaszi')
    await registration().register(first.id, { screenName: name, dormitory: 'KARMAN', room: '204' })
    const error = await failureOf(
      registration().register(second.id, {
        screenName: name.toUpperCase(),
        dormitory: 'EXTERNAL',
        room: null,
      }),
    )
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).fields).toEqual({ screenName: ['screenNameTaken'] })
    const loser = await t.db.user.findUniqueOrThrow({
      where: { id_realmId: { id: second.id, realmId: 'hub' } },
    })
    expect(loser.screenName).toBeNull()
  })

  it('lets exactly one of two simultaneous registrations of the same name win', async () => {
    const [a, b] = await Promise.all([newcomer('Versenyző'), newcomer('Versenyző')])
    if (!a || !b) throw new Error('users not created')
    const name = uniqueScreenName('race')
    const results = await Promise.allSettled([
      registration().register(a.id, { screenName: name, dormitory: 'SCHONHERZ', room: '101' }),
      registration().register(b.id, { screenName: name.toUpperCase(), dormitory: 'SCHONHERZ', room: '102' }),
    ])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect(lost[0]).toBeInstanceOf(ConflictError)
    const holders = await t.db.user.count({ where: { realmId: 'hub', screenNameKey: name.toLowerCase() } })
    expect(holders).toBe(1)
  })

  it('registers only once: the screen name is the permanent profile address', async () => {
    const user = await newcomer()
    await registration().register(user.id, {
      screenName: uniqueScreenName(),
      dormitory: 'UNKNOWN',
      room: null,
    })
    await expect(
      registration().register(user.id, { screenName: uniqueScreenName(), dormitory: 'UNKNOWN', room: null }),
    ).rejects.toBeInstanceOf(InvalidStateError)
  })

  it('answers an unknown user with NotFoundError', async () => {
    await expect(
      registration().register(2_000_000_001, {
        screenName: uniqueScreenName(),
        dormitory: 'UNKNOWN',
        room: null,
      }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it.each([
    ['a/b', 'screenNameChars'],
    ['két szó', 'screenNameChars'],
    ['-dash', 'screenNameChars'],
    ['ab', 'tooShort'],
    ['x'.repeat(33), 'tooLong'],
  ])('refuses the screen name %j with the field message %s', async (screenName, code) => {
    const user = await newcomer()
    const error = await failureOf(
      registration().register(user.id, { screenName, dormitory: 'UNKNOWN', room: null }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fields.screenName).toContain(code)
  })

  it('requires a room in a dormitory, not for external residents', async () => {
    const user = await newcomer()
    const error = await failureOf(
      registration().register(user.id, {
        screenName: uniqueScreenName(),
        dormitory: 'SCHONHERZ',
        room: '  ',
      }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fields).toEqual({ room: ['roomRequired'] })
    await expect(
      registration().register(user.id, { screenName: uniqueScreenName(), dormitory: 'EXTERNAL', room: '' }),
    ).resolves.toMatchObject({ id: user.id })
  })
})
