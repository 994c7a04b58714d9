import { describe, expect, it } from 'vitest'
import { CellPhone, DateOfBirth, normalizePhone, Webpage } from '~/domains/user/field-rules'
import { ProfileView } from '~/domains/user/profile.schema'
import { RegistrationFields, ScreenName } from '~/domains/user/registration.schema'

describe('people field rules', () => {
  it.each([
    ['+36 30 123 4567', '+36301234567'],
    ['+36-30-123-4567', '+36301234567'],
    ['06 30 123 4567', '+36301234567'],
    ['0036 (30) 123 4567', '+36301234567'],
    ['+1 415 555 0100', '+14155550100'],
  ])('normalises the phone number %j', (raw, phone) => {
    expect(normalizePhone(raw)).toBe(phone)
    // Normalising a normalised number changes nothing: the server re-parses what the form sent.
    expect(normalizePhone(phone)).toBe(phone)
  })

  it.each(['123', '+0 30 123 4567', '+36 30 abc 4567', '+1234567890123456', '30/1234567'])(
    'refuses the phone number %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull()
      expect(CellPhone.safeParse(raw).error?.issues.map((i) => i.message)).toEqual(['phone'])
    },
  )

  it('turns empty optional values into null', () => {
    expect(CellPhone.parse('  ')).toBeNull()
    expect(Webpage.parse('')).toBeNull()
    expect(DateOfBirth.parse('')).toBeNull()
  })

  it('accepts only http(s) web addresses', () => {
    expect(Webpage.parse('https://kir-dev.hu/')).toBe('https://kir-dev.hu/')
    for (const bad of ['javascript:alert(1)', 'ftp://x.example', 'kir-dev.hu', 'http://localhost']) {
      expect(Webpage.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('accepts screen names safe in a URL path', () => {
    expect(ScreenName.parse(' Feri.K_2 ')).toBe('Feri.K_2')
    for (const bad of ['fe/ri', 'fe ri', '.feri', 'fé', 'ab'])
      expect(ScreenName.safeParse(bad).success, bad).toBe(false)
  })

  it('needs a room only inside a dormitory', () => {
    expect(RegistrationFields.safeParse({ screenName: 'feri', dormitory: 'TETENY', room: '' }).success).toBe(
      false,
    )
    expect(RegistrationFields.safeParse({ screenName: 'feri', dormitory: 'UNKNOWN', room: '' }).success).toBe(
      true,
    )
  })

  it('keeps hidden fields out of a profile view: absent keys stay absent', () => {
    const view = ProfileView.parse({
      id: 1,
      screenName: 'feri',
      displayName: 'Kiss Ferenc',
      firstName: 'Ferenc',
      lastName: 'Kiss',
      nickname: null,
      dormitory: 'SCHONHERZ',
      studentStatus: 'ACTIVE',
      editable: false,
      externalAccounts: [],
      searchFull: 'leaks',
    })
    expect(Object.keys(view)).not.toContain('cellPhone')
    expect(Object.keys(view)).not.toContain('searchFull')
  })
})
