// The tRPC routers are not mounted in the hub; they are called in-process here, through the same
// guard and schemas as the server functions.
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { createGroup, createMembership, createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { forgedTokens, loginToken } from '../support/sessions'
import { codeOf } from '../support/trpc'

const t = createTestApp()
const caller = (token?: string) =>
  createCallerFactory(appRouter)({ app: t.app, token, requestId: 'trpc-test' })
let groupId: number
let userId: number

beforeAll(async () => {
  groupId = (await createGroup(t.db, 'hub', { name: `tRPC kör ${Date.now()}` })).id
  userId = (await createUser(t.db, 'hub', { familyName: 'Trpc', givenName: 'Tamás' })).id
  await createMembership(t.db, 'hub', { groupId, userId, history: ['PENDING', 'NEWBIE', 'ACTIVE'] })
})
afterAll(t.close)

describe('group and membership routers', () => {
  it('serve the public directory to anonymous callers', async () => {
    const group = await caller().group.get({ groupId })
    expect(group.name).toMatch(/^tRPC kör/)
    expect((await caller().group.list({ filter: group.name })).map((g) => g.id)).toEqual([groupId])
    expect((await caller().group.tree({})).some((n) => n.id === groupId)).toBe(true)
  })

  it('refuse members to anonymous callers and forged tokens, serve them to a logged-in user', async () => {
    expect(await codeOf(caller().membership.activeMembers({ groupId }))).toBe('UNAUTHORIZED')
    const forged = await forgedTokens(t.config, userId)
    expect(await codeOf(caller(forged.algNone).membership.activeMembers({ groupId }))).toBe('UNAUTHORIZED')
    const { token } = await loginToken(t, userId)
    const members = await caller(token).membership.activeMembers({ groupId })
    expect(members.map((m) => m.displayName)).toEqual(['Trpc Tamás'])
  })

  it('answer bad input with BAD_REQUEST and field messages, unknown ids with NOT_FOUND', async () => {
    const bad = await caller()
      .group.get({ groupId: 'abc' as unknown as number })
      .catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(TRPCError)
    expect((bad as TRPCError).code).toBe('BAD_REQUEST')
    expect((bad as TRPCError & { cause: { fields: object } }).cause.fields).toHaveProperty('groupId')
    expect(await codeOf(caller().group.get({ groupId: 2_000_000_000 }))).toBe('NOT_FOUND')
  })
})
