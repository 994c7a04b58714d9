// Session key rotation by kid: new tokens are signed with the current key, tokens of a previous key
// (SESSION_PREVIOUS_KEYS) stay valid until they expire, an unknown kid never is.
import { generateKeyPairSync } from 'node:crypto'
import { decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError } from '#config'
import { authenticate } from '~/server/auth/access'
import { loadSessionKeys } from '~/server/auth/session-token'
import { createUser } from '../factories/records'
import { createTestApp, reconfigured, type TestApp } from '../support/app'
import { forgedTokens, loginToken } from '../support/sessions'

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

const previousKeys = (...keys: { kid: string; publicKey: string }[]) => JSON.stringify(keys)

const first = newKey()
const second = newKey()
const t = createTestApp({ SESSION_SIGNING_KEY: first.privatePem, SESSION_KEY_ID: 'key-1' })
afterAll(t.close)

let userId: number
beforeAll(async () => {
  userId = (await createUser(t.db, 'hub')).id
})

const kidOf = (token: string) => decodeProtectedHeader(token).kid
const actorOf = async (app: TestApp, token: string) => (await authenticate(app.app, token)).actor

describe('key rotation', () => {
  it('keeps every session working across a rotation and signs new logins with the new key', async () => {
    const before = await loginToken(t, userId)
    expect(kidOf(before.token)).toBe('key-1')
    expect(await actorOf(t, before.token)).toMatchObject({ kind: 'user', userId })

    // The restart with the rotated configuration: key 2 signs, key 1 only verifies.
    const rotated = reconfigured(t, {
      SESSION_SIGNING_KEY: second.privatePem,
      SESSION_KEY_ID: 'key-2',
      SESSION_PREVIOUS_KEYS: previousKeys({ kid: 'key-1', publicKey: first.publicPem }),
    })
    expect(await actorOf(rotated, before.token)).toMatchObject({ kind: 'user', userId })

    const after = await loginToken(rotated, userId)
    expect(kidOf(after.token)).toBe('key-2')
    expect(await actorOf(rotated, after.token)).toMatchObject({ kind: 'user', userId })
    // Requests keep succeeding with both tokens, in any order.
    for (const token of [before.token, after.token, before.token, after.token]) {
      expect(await actorOf(rotated, token)).toMatchObject({ kind: 'user', userId })
    }

    // Once the old key is dropped (the overlap window is over), its tokens stop working.
    const settled = reconfigured(t, { SESSION_SIGNING_KEY: second.privatePem, SESSION_KEY_ID: 'key-2' })
    expect(await authenticate(settled.app, before.token)).toEqual({
      actor: { kind: 'anonymous' },
      rejectedToken: true,
    })
    expect(await actorOf(settled, after.token)).toMatchObject({ kind: 'user', userId })
  })

  it('still refuses an unknown kid, a forged key and an expired token of the previous key', async () => {
    const rotated = reconfigured(t, {
      SESSION_SIGNING_KEY: second.privatePem,
      SESSION_KEY_ID: 'key-2',
      SESSION_PREVIOUS_KEYS: previousKeys({ kid: 'key-1', publicKey: first.publicPem }),
    })
    const { sessionId } = await loginToken(t, userId)
    // Forged against the old configuration: signed with key 1 under kid key-1, i.e. a previous key.
    const old = await forgedTokens(t.config, userId, sessionId)
    for (const kind of ['unknownKid', 'unknownKey', 'expired', 'tamperedSignature', 'algNone'] as const) {
      expect(await authenticate(rotated.app, old[kind]), kind).toEqual({
        actor: { kind: 'anonymous' },
        rejectedToken: true,
      })
    }
  })

  it('does not let a previous key verify under another kid', async () => {
    // Key 1's public half listed as "key-0": a token naming key-1 is unknown, one naming key-0 checks
    // against key 1 — so a kid selects exactly one key.
    const rotated = reconfigured(t, {
      SESSION_SIGNING_KEY: second.privatePem,
      SESSION_KEY_ID: 'key-2',
      SESSION_PREVIOUS_KEYS: previousKeys({ kid: 'key-0', publicKey: first.publicPem }),
    })
    const { token } = await loginToken(t, userId)
    expect(kidOf(token)).toBe('key-1')
    expect((await authenticate(rotated.app, token)).rejectedToken).toBe(true)
  })
})

describe('SESSION_PREVIOUS_KEYS', () => {
  const configWith = (value: string) =>
    reconfigured(t, { SESSION_KEY_ID: 'key-2', SESSION_PREVIOUS_KEYS: value }).config

  it('is empty by default', () => {
    expect(t.config.session.previousKeys).toEqual([])
  })

  it('reads a JSON array of kid + public key', () => {
    const keys = configWith(previousKeys({ kid: 'key-1', publicKey: first.publicPem }))
    expect(keys.session.previousKeys).toEqual([{ keyId: 'key-1', publicKeyPem: first.publicPem }])
  })

  it.each([
    ['not JSON', 'key-1'],
    ['not an array', '{"kid":"key-1"}'],
    [
      'a private key (only public halves belong here)',
      previousKeys({ kid: 'key-1', publicKey: first.privatePem }),
    ],
    ['the current kid', previousKeys({ kid: 'key-2', publicKey: first.publicPem })],
    [
      'a kid twice',
      previousKeys(
        { kid: 'key-1', publicKey: first.publicPem },
        { kid: 'key-1', publicKey: second.publicPem },
      ),
    ],
    ['an unknown field', JSON.stringify([{ kid: 'key-1', publicKey: first.publicPem, private: 'x' }])],
  ])('refuses %s, naming the variable', (_what, value) => {
    let error: unknown
    try {
      configWith(value)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).issues.map((i) => i.variable)).toContain('SESSION_PREVIOUS_KEYS')
  })
})

describe('loading the previous keys', () => {
  it('names the kid of a key that is not a P-256 public key', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString()
    const garbage = '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n'
    for (const [kid, publicKeyPem] of [
      ['key-p384', p384],
      ['key-garbage', garbage],
    ] as const) {
      await expect(
        loadSessionKeys({
          signingKeyPem: second.privatePem,
          keyId: 'key-2',
          previousKeys: [{ keyId: kid, publicKeyPem }],
        }),
      ).rejects.toThrow(new RegExp(`SESSION_PREVIOUS_KEYS: "${kid}"`))
    }
  })
})
