// The `user` tRPC router: every change names its owner, and only the owner gets through. Each
// mutating procedure is called as another user with the victim's id and must be FORBIDDEN, with the
// victim's data unchanged; the owner's own call is the control that the input was valid.
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userRouter } from '~/domains/user/user.router'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { ALL_PUBLIC, createRegisteredUser, uniqueScreenName } from '../factories/people'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { loginToken } from '../support/sessions'
import { codeOf } from '../support/trpc'

const t = createTestApp()
afterAll(t.close)
const caller = (token?: string) =>
  createCallerFactory(appRouter)({ app: t.app, token, requestId: 'user-router' })
type Caller = ReturnType<typeof caller>

let victim: { id: number }
let unregisteredVictim: { id: number }
let intruder: Caller
let victimAccountId: number

const profileInput = (userId: number, version: number) => ({
  userId,
  version,
  nickname: 'Betolakodó',
  gender: 'OTHER' as const,
  dateOfBirth: '',
  homeAddress: '',
  cellPhone: '+36 70 999 9999',
  webpage: '',
  dormitory: 'SCHONHERZ' as const,
  room: '666',
  studentStatus: 'OTHER' as const,
})
const privacyInput = (userId: number, version: number) => ({ userId, version, ...ALL_PUBLIC })

/** One call per mutating procedure, naming `userId` (and, where needed, one of its accounts). */
const MUTATIONS: Record<string, (c: Caller, userId: number, accountId: number) => Promise<unknown>> = {
  register: (c, userId) =>
    c.user.register({ userId, screenName: uniqueScreenName('elorabolt'), dormitory: 'UNKNOWN', room: null }),
  update: (c, userId) => c.user.update(profileInput(userId, 0)),
  privacy: (c, userId) => c.user.privacy(privacyInput(userId, 0)),
  addAccount: (c, userId) => c.user.addAccount({ userId, protocol: 'IRC', accountName: 'betolakodo' }),
  updateAccount: (c, userId, accountId) =>
    c.user.updateAccount({ userId, accountId, protocol: 'IRC', accountName: 'atirva' }),
  removeAccount: (c, userId, accountId) => c.user.removeAccount({ userId, accountId }),
}

const snapshot = async (userId: number) =>
  JSON.stringify(
    await t.db.user.findUniqueOrThrow({
      where: { id_realmId: { id: userId, realmId: 'hub' } },
      select: { screenName: true, profile: true, externalAccounts: { orderBy: { id: 'asc' } } },
    }),
  )

beforeAll(async () => {
  victim = await createRegisteredUser(t.db, 'hub', { familyName: 'Áldozat' })
  unregisteredVictim = await createUser(t.db, 'hub', { familyName: 'Friss' })
  const account = await t.db.externalAccount.create({
    data: { realmId: 'hub', userId: victim.id, protocol: 'TELEGRAM', accountName: '@aldozat' },
  })
  victimAccountId = account.id
  const other = await createRegisteredUser(t.db, 'hub', { familyName: 'Betolakodó' })
  intruder = caller((await loginToken(t, other.id)).token)
})

describe('user router access', () => {
  it('has a test case for every mutating procedure', () => {
    const mutations = Object.entries(userRouter._def.procedures)
      .filter(([, procedure]) => (procedure as { _def: { type: string } })._def.type === 'mutation')
      .map(([name]) => name)
      .sort()
    expect(mutations).toEqual(Object.keys(MUTATIONS).sort())
  })

  it.each(Object.keys(MUTATIONS))('%s: another user naming the victim’s id is FORBIDDEN', async (name) => {
    const call = MUTATIONS[name]
    if (!call) throw new Error(name)
    const target = name === 'register' ? unregisteredVictim.id : victim.id
    const before = await snapshot(target)
    expect(await codeOf(call(intruder, target, victimAccountId))).toBe('FORBIDDEN')
    expect(await codeOf(call(caller(), target, victimAccountId))).toBe('UNAUTHORIZED')
    expect(await snapshot(target)).toBe(before)
  })

  it('the owner’s own calls with the same inputs go through', async () => {
    const owner = caller((await loginToken(t, victim.id)).token)
    expect(await codeOf(MUTATIONS.update?.(owner, victim.id, victimAccountId) ?? Promise.reject())).toBe('OK')
    expect(await codeOf(owner.user.privacy(privacyInput(victim.id, 1)))).toBe('OK')
    for (const name of ['addAccount', 'updateAccount', 'removeAccount']) {
      expect(
        await codeOf(MUTATIONS[name]?.(owner, victim.id, victimAccountId) ?? Promise.reject()),
        name,
      ).toBe('OK')
    }
    const newcomer = caller((await loginToken(t, unregisteredVictim.id)).token)
    expect(await codeOf(MUTATIONS.register?.(newcomer, unregisteredVictim.id, 0) ?? Promise.reject())).toBe(
      'OK',
    )
  })

  it('the edit data is the owner’s only; the public profile and accounts are for every logged-in user', async () => {
    expect(await codeOf(intruder.user.editable({ userId: victim.id }))).toBe('FORBIDDEN')
    expect(await codeOf(intruder.user.profile({ userId: victim.id }))).toBe('OK')
    expect(await codeOf(intruder.user.accounts({ userId: victim.id }))).toBe('OK')
    expect(await codeOf(caller().user.accounts({ userId: victim.id }))).toBe('UNAUTHORIZED')
  })

  it('reports a taken screen name as CONFLICT with the field, and bad input as BAD_REQUEST with fields', async () => {
    const taken = await createRegisteredUser(t.db, 'hub', { screenName: uniqueScreenName('Foglalt') })
    const fresh = await createUser(t.db, 'hub')
    const own = caller((await loginToken(t, fresh.id)).token)
    const conflict = await own.user
      .register({
        userId: fresh.id,
        screenName: (taken.screenName ?? '').toLowerCase(),
        dormitory: 'UNKNOWN',
        room: null,
      })
      .catch((e: unknown) => e)
    expect(conflict).toBeInstanceOf(TRPCError)
    expect((conflict as TRPCError).code).toBe('CONFLICT')
    expect((conflict as TRPCError & { cause: { fields: object } }).cause.fields).toEqual({
      screenName: ['screenNameTaken'],
    })
    const bad = await own.user
      .register({ userId: fresh.id, screenName: 'a/b', dormitory: 'UNKNOWN', room: null })
      .catch((e: unknown) => e)
    expect((bad as TRPCError).code).toBe('BAD_REQUEST')
    expect((bad as TRPCError & { cause: { fields: object } }).cause.fields).toEqual({
      screenName: ['screenNameChars'],
    })
  })

  it('reports a stale version as CONFLICT', async () => {
    const owner = await createRegisteredUser(t.db, 'hub')
    const own = caller((await loginToken(t, owner.id)).token)
    expect(await codeOf(own.user.update(profileInput(owner.id, 0)))).toBe('OK')
    expect(await codeOf(own.user.update(profileInput(owner.id, 0)))).toBe('CONFLICT')
  })

  it('serves a user’s groups to logged-in users only', async () => {
    expect(await codeOf(intruder.membership.ofUser({ userId: victim.id }))).toBe('OK')
    expect(await codeOf(caller().membership.ofUser({ userId: victim.id }))).toBe('UNAUTHORIZED')
  })
})
