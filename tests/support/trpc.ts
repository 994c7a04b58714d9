import { TRPCError } from '@trpc/server'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import type { PublicError } from '~/shared/public-error'
import { createUser } from '../factories/records'
import type { TestApp } from './app'
import { grantPolicy, PEK_ADMIN } from './policies'
import { loginToken } from './sessions'

/** The app router as this user calls it, with a fresh session; `null` for an anonymous visitor. */
export async function callerAs(t: TestApp, userId: number | null, requestId = 'test') {
  const token = userId === null ? undefined : (await loginToken(t, userId)).token
  return createCallerFactory(appRouter)({ app: t.app, token, requestId })
}

/** A new user holding the PéK admin policy, and the app router as they call it. */
export async function asNewAdmin(t: TestApp, requestId = 'test') {
  const userId = (await createUser(t.db, 'hub')).id
  await grantPolicy(t.db, userId, PEK_ADMIN)
  return { userId, caller: await callerAs(t, userId, requestId) }
}

/** The tRPC error code a call fails with, or 'OK': lets a test assert 401/403/404 in one line. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call
  } catch (error) {
    if (error instanceof TRPCError) return error.code
    throw error
  }
  return 'OK'
}

/** The `reason` of a 409, the tRPC code of another failure, or 'OK': a rule's refusal in one line. */
export async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'OK'
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error
    return error.code === 'CONFLICT' ? ((error.cause as PublicError).reason ?? 'CONFLICT') : error.code
  }
}
