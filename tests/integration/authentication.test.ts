import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SessionService } from '~/domains/session/session.service'
import { authenticate } from '~/server/auth/access'
import { createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { forgedTokens, loginToken } from '../support/sessions'

const t = createTestApp()
let userId: number

beforeAll(async () => {
  userId = (await createUser(t.db, 'hub')).id
})
afterAll(t.close)

describe('authenticate', () => {
  it('turns a live session token into the user actor', async () => {
    const { token, sessionId } = await loginToken(t, userId)
    expect(await authenticate(t.app, token)).toEqual({
      actor: { kind: 'user', userId, sessionId },
      rejectedToken: false,
      // Read with the session for the decision that follows (other test files bump it meanwhile).
      policyVersion: expect.any(Number),
    })
  })

  it('treats no token as an anonymous visitor', async () => {
    expect(await authenticate(t.app, undefined)).toEqual({
      actor: { kind: 'anonymous' },
      rejectedToken: false,
    })
  })

  it.each([
    'expired',
    'tamperedPayload',
    'tamperedSignature',
    'algNone',
    'unknownKey',
    'unknownKid',
    'otherRealm',
  ] as const)('rejects a token that is %s', async (kind) => {
    const { sessionId } = await loginToken(t, userId)
    const token = (await forgedTokens(t.config, userId, sessionId))[kind]
    expect(await authenticate(t.app, token)).toEqual({ actor: { kind: 'anonymous' }, rejectedToken: true })
  })

  it('rejects a validly signed token whose session id is not one it could have issued', async () => {
    // Only the signing key could make one; the session statement compares ids as UUIDs.
    const { valid } = await forgedTokens(t.config, userId, "not-a-uuid'; --")
    expect(await authenticate(t.app, valid)).toEqual({ actor: { kind: 'anonymous' }, rejectedToken: true })
  })

  it('rejects a copied token once its session has been revoked (logout)', async () => {
    const { token, sessionId } = await loginToken(t, userId)
    await t.app.resolve(SessionService).revoke(sessionId)
    expect((await authenticate(t.app, token)).rejectedToken).toBe(true)
  })

  it('rejects a token whose session row has expired server-side', async () => {
    const { token, sessionId } = await loginToken(t, userId)
    await t.db.session.update({
      where: { id_realmId: { id: sessionId, realmId: 'hub' } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await authenticate(t.app, token)).rejectedToken).toBe(true)
  })
})
