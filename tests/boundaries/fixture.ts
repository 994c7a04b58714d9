// One world per matrix file, in a realm of the file's own (so its examples may switch the period),
// with the caller that reaches every entry point.
import { afterAll, beforeAll } from 'vitest'
import { createTestApp, type TestApp } from '../support/app'
import { loginToken } from '../support/sessions'
import { type Call, caller } from './transport'
import { buildWorld, type World } from './world'

export interface WorldFixture {
  t: TestApp
  /** The world, once beforeAll has built it. */
  world(): World
  call: Call
  /** A live session token of the user (one per user, kept for the file). */
  tokenOf(userId: number): Promise<string>
}

export function worldFixture(name: string): WorldFixture {
  const realmId = `bounds-${name}-${Date.now().toString(36)}`
  const t = createTestApp({ REALM_ID: realmId })
  let built: World | undefined
  const tokens = new Map<number, Promise<string>>()
  beforeAll(async () => {
    built = await buildWorld(t.db, realmId)
  })
  afterAll(t.close)
  return {
    t,
    world: () => {
      if (!built) throw new Error('the world is built in beforeAll')
      return built
    },
    call: caller(t.app),
    tokenOf: (userId) => {
      let token = tokens.get(userId)
      if (!token) {
        token = loginToken(t, userId).then((session) => session.token)
        tokens.set(userId, token)
      }
      return token
    },
  }
}
