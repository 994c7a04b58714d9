// Hidden profile fields leave the server only for the owner and for holders of the full-profile
// permission (docs/decisions/0008-privacy.md): absent keys for everyone else, in every entry point.
import 'reflect-metadata'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRIVATE_FIELDS } from '~/domains/user/profile.schema'
import { ProfileService } from '~/domains/user/profile.service'
import { NotFoundError } from '~/server/errors'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { createRegisteredUser } from '../factories/people'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantScopes } from '../support/policies'
import { loginToken } from '../support/sessions'

const t = createTestApp()
afterAll(t.close)

const SECRET = {
  gender: 'FEMALE',
  dateOfBirth: new Date('2003-04-05T00:00:00Z'),
  homeAddress: 'Titok utca 7., Debrecen',
  cellPhone: '+36305550123',
  webpage: 'https://titkos.example',
  room: '1717',
} as const
const EMAIL = 'rejtett.rozi@pek.example'

let owner: { id: number; screenName: string | null }
let publicOwner: { id: number }
let viewer: { id: number }
let admin: { id: number }

beforeAll(async () => {
  owner = await createRegisteredUser(t.db, 'hub', {
    givenName: 'Rozi',
    familyName: 'Rejtett',
    email: EMAIL,
    // Every switch off, every field filled.
    profile: { ...SECRET, nickname: 'Rozika', webpagePublic: false, roomPublic: false },
  })
  publicOwner = await createRegisteredUser(t.db, 'hub', {
    familyName: 'Nyitott',
    profile: {
      ...SECRET,
      genderPublic: true,
      dateOfBirthPublic: true,
      homeAddressPublic: true,
      emailPublic: true,
      cellPhonePublic: true,
    },
  })
  viewer = await createRegisteredUser(t.db, 'hub', { familyName: 'Kíváncsi' })
  admin = await createRegisteredUser(t.db, 'hub', { familyName: 'Admin' })
  // The full-profile permission alone, held the real way: a policy assigned to the user.
  await grantScopes(t.db, admin.id, ['user:view-profile'])
})

const callerIn = (app: typeof t.app, token?: string) =>
  createCallerFactory(appRouter)({ app, token, requestId: 'privacy-test' })

const traces = ['FEMALE', '2003-04-05', 'Titok utca', '5550123', 'titkos.example', '1717', EMAIL]

describe('hidden profile fields', () => {
  it('are absent (not blank) for another logged-in user, while the public data is there', async () => {
    const { token } = await loginToken(t, viewer.id)
    const view = await callerIn(t.app, token).user.profile({ userId: owner.id })
    expect(view).toMatchObject({ displayName: 'Rejtett Rozi', nickname: 'Rozika', editable: false })
    for (const field of PRIVATE_FIELDS) expect(view, field).not.toHaveProperty(field)
    expect(view).not.toHaveProperty('privacy')
    const json = JSON.stringify(view)
    for (const trace of traces) expect(json).not.toContain(trace)
  })

  it('are all present for the owner, with the switches', async () => {
    const { token } = await loginToken(t, owner.id)
    const view = await callerIn(t.app, token).user.profile({ userId: owner.id })
    expect(view).toMatchObject({
      gender: 'FEMALE',
      dateOfBirth: '2003-04-05',
      homeAddress: SECRET.homeAddress,
      email: EMAIL,
      cellPhone: SECRET.cellPhone,
      webpage: SECRET.webpage,
      room: '1717',
      editable: true,
      privacy: { cellPhonePublic: false, roomPublic: false, webpagePublic: false },
    })
  })

  it('are all present for a holder of user:view-profile, who still may not edit', async () => {
    const app = t.app
    const { token } = await loginToken(t, admin.id)
    const view = await callerIn(app, token).user.profile({ userId: owner.id })
    for (const field of PRIVATE_FIELDS) expect(view, field).toHaveProperty(field)
    expect(view.cellPhone).toBe(SECRET.cellPhone)
    expect(view.editable).toBe(false)
    // The same admin binding does not reveal anything to an ordinary user.
    const { token: viewerToken } = await loginToken(t, viewer.id)
    expect(await callerIn(app, viewerToken).user.profile({ userId: owner.id })).not.toHaveProperty(
      'cellPhone',
    )
  })

  it('are shown to others once their switch is on', async () => {
    const { token } = await loginToken(t, viewer.id)
    const view = await callerIn(t.app, token).user.profile({ userId: publicOwner.id })
    expect(view).toMatchObject({
      gender: 'FEMALE',
      dateOfBirth: '2003-04-05',
      homeAddress: SECRET.homeAddress,
      cellPhone: SECRET.cellPhone,
      webpage: SECRET.webpage,
      room: '1717',
    })
    expect(view.email).toMatch(/@pek\.example$/)
    expect(view).not.toHaveProperty('privacy')
  })

  it('the service itself leaves them out without the full flag', async () => {
    const view = await t.app.resolve(ProfileService).profileOf(owner.id, { full: false, editable: false })
    expect(Object.keys(view).filter((k) => (PRIVATE_FIELDS as readonly string[]).includes(k))).toEqual([])
  })

  it('profiles are for logged-in users only, and only for registered users', async () => {
    const anonymous = await callerIn(t.app)
      .user.profile({ userId: owner.id })
      .catch((e: { code: string }) => e.code)
    expect(anonymous).toBe('UNAUTHORIZED')
    const unregistered = await createUser(t.db, 'hub', { familyName: 'Névtelen' })
    await expect(
      t.app.resolve(ProfileService).profileOf(unregistered.id, { full: true, editable: true }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })

  it('finds the user behind a screen name in any letter case', async () => {
    const screenName = owner.screenName ?? ''
    const profiles = t.app.resolve(ProfileService)
    expect(await profiles.userIdOf(screenName.toUpperCase())).toEqual({ userId: owner.id })
    await expect(profiles.userIdOf(`${screenName}x`)).rejects.toBeInstanceOf(NotFoundError)
  })
})
