// Idle timeout and absolute lifetime, with a clock the test moves by hand (no sleeping): a session
// ends after SESSION_IDLE_MINUTES without a request and, however busy, after SESSION_TTL_HOURS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LAST_SEEN_RESOLUTION_MS } from '~/domains/session/session.service'
import { authenticate } from '~/server/auth/access'
import type { Clock } from '~/server/di/tokens'
import { createUser } from '../factories/records'
import { createTestApp, reconfigured, type TestApp } from '../support/app'
import { loginToken } from '../support/sessions'

const t = createTestApp()
afterAll(t.close)

const MINUTE = 60_000

/** A clock that stands still until told to move. */
class ManualClock implements Clock {
  private current: number
  constructor(start: Date) {
    this.current = start.getTime()
  }
  now = () => new Date(this.current)
  advance(ms: number) {
    this.current += ms
  }
}

let userId: number
beforeAll(async () => {
  userId = (await createUser(t.db, 'hub')).id
})

/** A container on its own clock, started at the real now (tokens are signed with the real time). */
function withClock(overrides: Record<string, string> = {}) {
  const clock = new ManualClock(new Date())
  return { clock, app: reconfigured(t, overrides, { clock }) }
}

const lastSeenAt = async (sessionId: string) =>
  (
    await t.db.session.findUniqueOrThrow({
      where: { id_realmId: { id: sessionId, realmId: 'hub' } },
      select: { lastSeenAt: true },
    })
  ).lastSeenAt.getTime()

const alive = async (app: TestApp, token: string) =>
  (await authenticate(app.app, token)).actor.kind === 'user'

describe('idle timeout', () => {
  it('ends a session after 30 minutes without a request (the default)', async () => {
    const { clock, app } = withClock()
    expect(app.config.session.idleSeconds).toBe(30 * 60)
    const { token } = await loginToken(app, userId)
    clock.advance(29 * MINUTE)
    expect(await alive(app, token)).toBe(true)
    // That request counts: another 29 minutes of quiet are fine, 30 are not.
    clock.advance(29 * MINUTE)
    expect(await alive(app, token)).toBe(true)
    clock.advance(30 * MINUTE)
    expect(await authenticate(app.app, token)).toEqual({ actor: { kind: 'anonymous' }, rejectedToken: true })
  })

  it('keeps a session alive for hours while requests keep coming', async () => {
    const { clock, app } = withClock()
    const { token } = await loginToken(app, userId, 12 * 3600)
    for (let i = 0; i < 20; i++) {
      clock.advance(10 * MINUTE)
      expect(await alive(app, token), `after ${(i + 1) * 10} minutes`).toBe(true)
    }
  })

  it('follows SESSION_IDLE_MINUTES', async () => {
    const { clock, app } = withClock({ SESSION_IDLE_MINUTES: '10' })
    const { token } = await loginToken(app, userId)
    clock.advance(9 * MINUTE)
    expect(await alive(app, token)).toBe(true)
    clock.advance(10 * MINUTE)
    expect(await alive(app, token)).toBe(false)
  })

  it('writes lastSeenAt at most once a minute per session, not on every request', async () => {
    const { clock, app } = withClock()
    const { token, sessionId } = await loginToken(app, userId)
    const started = clock.now().getTime()
    expect(await lastSeenAt(sessionId)).toBe(started)

    for (let i = 0; i < 5; i++) {
      clock.advance(10_000)
      expect(await alive(app, token)).toBe(true)
    }
    expect(await lastSeenAt(sessionId), 'unchanged within the first minute').toBe(started)

    clock.advance(LAST_SEEN_RESOLUTION_MS)
    expect(await alive(app, token)).toBe(true)
    const moved = clock.now().getTime()
    expect(await lastSeenAt(sessionId)).toBe(moved)

    // Parallel requests of one session: still at most one write, and all of them pass.
    clock.advance(LAST_SEEN_RESOLUTION_MS)
    const answers = await Promise.all(Array.from({ length: 4 }, () => alive(app, token)))
    expect(answers).toEqual([true, true, true, true])
    expect(await lastSeenAt(sessionId)).toBe(clock.now().getTime())
  })
})

describe('absolute lifetime', () => {
  it('ends a busy session at SESSION_TTL_HOURS (12 h by default) however active it is', async () => {
    const { clock, app } = withClock()
    expect(app.config.session.ttlSeconds).toBe(12 * 3600)
    const { token } = await loginToken(app, userId, app.config.session.ttlSeconds)
    // A request every 20 minutes for 12 hours: never idle.
    for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
      clock.advance(20 * MINUTE)
      expect(await alive(app, token), `after ${elapsed} minutes`).toBe(true)
    }
    clock.advance(20 * MINUTE)
    expect(await authenticate(app.app, token)).toEqual({ actor: { kind: 'anonymous' }, rejectedToken: true })
  })

  it('refuses a token past its own expiry even if its session row were still open', async () => {
    const { clock, app } = withClock()
    const { token, sessionId } = await loginToken(app, userId, 3600)
    // The row outlives the token: only the JWT's exp can stop it.
    await t.db.session.update({
      where: { id_realmId: { id: sessionId, realmId: 'hub' } },
      data: { expiresAt: new Date(clock.now().getTime() + 24 * 3600_000) },
    })
    for (const step of [25, 25, 9]) {
      clock.advance(step * MINUTE)
      expect(await alive(app, token)).toBe(true)
    }
    clock.advance(2 * MINUTE)
    expect(await alive(app, token)).toBe(false)
  })

  it('refuses a token whose session row has expired even if the token itself has not', async () => {
    const { clock, app } = withClock()
    const { token, sessionId } = await loginToken(app, userId, 3600)
    await t.db.session.update({
      where: { id_realmId: { id: sessionId, realmId: 'hub' } },
      data: { expiresAt: new Date(clock.now().getTime() + 10 * MINUTE) },
    })
    clock.advance(9 * MINUTE)
    expect(await alive(app, token)).toBe(true)
    clock.advance(2 * MINUTE)
    expect(await alive(app, token)).toBe(false)
  })

  it('cannot be configured above 12 hours', () => {
    expect(() => reconfigured(t, { SESSION_TTL_HOURS: '12.5' })).toThrow(/SESSION_TTL_HOURS/)
  })
})
