// Authentication matrix, generated from the entry-point registry: every entry point that is not
// public answers 401 — the same body, carrying none of the world's data — to every credential that
// is not a live session: none at all, forged or broken tokens (expired, signed with an unknown key
// or key id, `alg: none`, tampered payload or signature, another realm's), and real tokens whose
// session was revoked, went idle, expired on the server, or belongs to a disabled account. The
// tokens claim a user who holds every right (supreme:sudo), so nothing but the credential refuses
// them. A public entry (a scope every visitor holds, ./world.ts) answers each of them exactly as it
// answers a visitor without a session. Counts: test-results/boundaries-authentication.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import { SessionService } from '~/domains/session/session.service'
import { authenticate, decide } from '~/server/auth/access'
import type { EntryPoint } from '~/server/auth/entry-point'
import { parseInput } from '~/server/validate'
import { forgedTokens, loginToken } from '../support/sessions'
import { exampleOf } from './examples'
import { worldFixture } from './fixture'
import { grantEverywhere, newUser } from './grants'
import { leakedMarkers } from './leaks'
import { tally } from './tally'

const { t, world, call } = worldFixture('authn')
const record = tally('authentication')
afterAll(() => record.write())

/** Every credential that must count as no session at all, by name. */
let credentials: Record<string, string | undefined> = {}
let liveToken: string

beforeAll(async () => {
  const w = world()
  const almighty = async () => {
    const userId = await newUser(t.db, w)
    await grantEverywhere(t.db, w, userId, ['supreme:sudo'])
    return userId
  }
  const userId = await almighty()
  const session = async () => loginToken(t, userId)
  const live = await session()
  liveToken = live.token
  const forged = await forgedTokens(t.config, userId, live.sessionId)

  const revoked = await session()
  await t.app.resolve(SessionService).revoke(revoked.sessionId)
  const idle = await session()
  await t.db.session.update({
    where: { id_realmId: { id: idle.sessionId, realmId: w.realmId } },
    data: { lastSeenAt: new Date(Date.now() - (t.config.session.idleSeconds + 60) * 1000) },
  })
  const expiredRow = await session()
  await t.db.session.update({
    where: { id_realmId: { id: expiredRow.sessionId, realmId: w.realmId } },
    data: { expiresAt: new Date(Date.now() - 1000) },
  })
  const disabledUser = await almighty()
  const disabled = await loginToken(t, disabledUser)
  await t.db.user.update({
    where: { id_realmId: { id: disabledUser, realmId: w.realmId } },
    data: { disabled: true },
  })

  credentials = {
    'no session': undefined,
    'an expired token': forged.expired,
    'a token signed by an unknown key': forged.unknownKey,
    'a token naming an unknown key id': forged.unknownKid,
    'an alg: none token': forged.algNone,
    'a token with a tampered payload': forged.tamperedPayload,
    'a token with a tampered signature': forged.tamperedSignature,
    "another realm's token": forged.otherRealm,
    'the token of a revoked session': revoked.token,
    'the token of an idle session': idle.token,
    'the token of a session expired on the server': expiredRow.token,
    "the token of a disabled account's session": disabled.token,
  }
})

describe('authentication: no live session, no access', () => {
  it('the tokens claim a real user whose own live token every guard lets through', async () => {
    const { actor } = await authenticate(t.app, liveToken)
    expect(actor.kind).toBe('user')
    for (const entry of ENTRY_POINTS) {
      const input = parseInput(entry.input, exampleOf(entry).input(world()))
      await expect(
        decide(t.app, actor, entry.scope, entry.target(input), entry.reveal),
      ).resolves.toBeDefined()
    }
  })

  for (const entry of ENTRY_POINTS) it(entry.name, () => entryMatrix(entry))
})

async function entryMatrix(entry: EntryPoint) {
  const w = world()
  const example = exampleOf(entry)
  const input = example.input(w)
  const anonymous = await call(entry, input, undefined)

  if (w.publicScopes.includes(entry.scope)) {
    expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(200)
    for (const [credential, token] of Object.entries(credentials)) {
      expect([credential, await call(entry, input, token)]).toEqual([credential, anonymous])
      record.passed(entry.name, `${credential}: answered as to a visitor without a session`)
    }
    return
  }

  for (const [credential, token] of Object.entries(credentials)) {
    const outcome = await call(entry, input, token)
    expect([credential, outcome.status], JSON.stringify(outcome.body)).toEqual([credential, 401])
    expect([credential, outcome.body]).toEqual([credential, anonymous.body])
    expect([credential, leakedMarkers(outcome.body, w.markers, input)]).toEqual([credential, []])
    record.passed(entry.name, `${credential}: 401, nothing of the target in the body`)
  }
}
