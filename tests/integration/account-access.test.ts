import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountAccessService } from '~/domains/session/account-access.service'
import { AccountDisabledError } from '~/domains/session/session.errors'
import { SessionService } from '~/domains/session/session.service'
import { authenticate } from '~/server/auth/access'
import { NotFoundError } from '~/server/errors'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantPolicy, PEK_ADMIN } from '../support/policies'
import { loginToken } from '../support/sessions'
import { codeOf } from '../support/trpc'

const t = createTestApp()
afterAll(t.close)

let adminId: number
const admin = t
const caller = (token?: string) =>
  createCallerFactory(appRouter)({ app: admin.app, token, requestId: 'account-access-test' })

const newUser = async () => (await createUser(t.db, 'hub')).id
const live = async (token: string) => (await authenticate(admin.app, token)).actor.kind === 'user'

beforeAll(async () => {
  adminId = await newUser()
  await grantPolicy(t.db, adminId, PEK_ADMIN)
})

describe('logout', () => {
  it('invalidates the token on the next request', async () => {
    const userId = await newUser()
    const { token, sessionId } = await loginToken(admin, userId)
    expect(await live(token)).toBe(true)
    await admin.app.resolve(SessionService).revoke(sessionId)
    expect(await authenticate(admin.app, token)).toEqual({
      actor: { kind: 'anonymous' },
      rejectedToken: true,
      policyVersion: expect.any(Number),
    })
  })
})

describe('disabling an account', () => {
  it('invalidates all its tokens on the next request and refuses new sessions', async () => {
    const userId = await newUser()
    const phone = await loginToken(admin, userId)
    const laptop = await loginToken(admin, userId)
    const { token: adminToken } = await loginToken(admin, adminId)

    expect(await caller(adminToken).accountAccess.disable({ userId })).toEqual({
      userId,
      disabled: true,
      endedSessions: 2,
    })
    expect(await live(phone.token)).toBe(false)
    expect(await live(laptop.token)).toBe(false)
    await expect(admin.app.resolve(SessionService).start(userId, 3600)).rejects.toBeInstanceOf(
      AccountDisabledError,
    )
    // Someone else's session is untouched.
    expect(await live(adminToken)).toBe(true)
  })

  it('refuses a disabled account even where the session row was left open', async () => {
    // authenticate() reads the account's flag itself, not only the revocation disable() wrote.
    const userId = await newUser()
    const { token } = await loginToken(admin, userId)
    await t.db.user.update({
      where: { id_realmId: { id: userId, realmId: 'hub' } },
      data: { disabled: true },
    })
    expect(await live(token)).toBe(false)
    await t.db.user.update({
      where: { id_realmId: { id: userId, realmId: 'hub' } },
      data: { disabled: false },
    })
    expect(await live(token)).toBe(true)
  })

  it('enabling it again lets the user log in anew but revives no old token', async () => {
    const userId = await newUser()
    const old = await loginToken(admin, userId)
    const { token: adminToken } = await loginToken(admin, adminId)
    await caller(adminToken).accountAccess.disable({ userId })
    expect(await caller(adminToken).accountAccess.enable({ userId })).toEqual({
      userId,
      disabled: false,
      endedSessions: 0,
    })
    expect(await live(old.token)).toBe(false)
    const fresh = await loginToken(admin, userId)
    expect(await live(fresh.token)).toBe(true)
  })
})

describe("an admin's end sessions", () => {
  it('ends every session of the user on the next request; the user may log in again', async () => {
    const userId = await newUser()
    const sessions = [await loginToken(admin, userId), await loginToken(admin, userId)]
    const { token: adminToken } = await loginToken(admin, adminId)
    expect(await caller(adminToken).accountAccess.endSessions({ userId })).toEqual({
      userId,
      disabled: false,
      endedSessions: 2,
    })
    for (const { token } of sessions) expect(await live(token)).toBe(false)
    expect(await live(adminToken)).toBe(true)
    expect(await live((await loginToken(admin, userId)).token)).toBe(true)
    // Nothing left to end.
    expect((await caller(adminToken).accountAccess.endSessions({ userId })).endedSessions).toBe(1)
  })
})

describe('who may disable, enable and end sessions', () => {
  it('refuses anonymous callers (401) and users without user:admin (403), even on themselves', async () => {
    const userId = await newUser()
    const { token } = await loginToken(admin, userId)
    for (const call of ['disable', 'enable', 'endSessions'] as const) {
      expect(await codeOf(caller().accountAccess[call]({ userId })), call).toBe('UNAUTHORIZED')
      expect(await codeOf(caller(token).accountAccess[call]({ userId: adminId })), call).toBe('FORBIDDEN')
      expect(await codeOf(caller(token).accountAccess[call]({ userId })), call).toBe('FORBIDDEN')
    }
    expect(await live(token)).toBe(true)
    expect(await live((await loginToken(admin, adminId)).token)).toBe(true)
  })

  it('is refused until the standard admin policy is assigned, and allowed right after', async () => {
    const userId = await newUser()
    const candidate = await newUser()
    const token = (await loginToken(t, candidate)).token
    expect(await codeOf(caller(token).accountAccess.disable({ userId }))).toBe('FORBIDDEN')
    await grantPolicy(t.db, candidate, PEK_ADMIN)
    expect(await codeOf(caller(token).accountAccess.disable({ userId }))).toBe('OK')
  })

  it('answers bad ids with BAD_REQUEST and unknown users with NOT_FOUND', async () => {
    const { token: adminToken } = await loginToken(admin, adminId)
    expect(await codeOf(caller(adminToken).accountAccess.disable({ userId: -1 }))).toBe('BAD_REQUEST')
    for (const call of ['disable', 'enable', 'endSessions'] as const) {
      expect(await codeOf(caller(adminToken).accountAccess[call]({ userId: 2_000_000_000 })), call).toBe(
        'NOT_FOUND',
      )
    }
    await expect(admin.app.resolve(AccountAccessService).disable(2_000_000_000)).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })
})
