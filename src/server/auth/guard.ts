// authGuard: the only place a server function's access is decided (docs/ARCHITECTURE.md).
// It validates the input (400), authenticates the session (401), asks the PolicyResolver for
// the scope on the input's target (401/403) and hands the handler a request-scoped container.
import { createMiddleware, createServerOnlyFn } from '@tanstack/react-start'
import { getCookie, getRequest } from '@tanstack/react-start/server'
import type { z } from 'zod'
import { getAppContainer } from '../di/app-container'
import { requestContainer } from '../di/request-scope'
import { CONFIG, type TokenTypes } from '../di/tokens'
import { clientAddress } from '../http/client-address'
import { rateLimiterFor } from '../http/rate-limit'
import { noteEntryPoint, noteUser } from '../http/request-facts'
import { currentRequestId } from '../http/request-id'
import { parseInput } from '../validate'
import { authenticate, decide } from './access'
import { clearAppCookie } from './cookies'
import type { EntryPoint } from './entry-point'
import { sessionCookieName } from './session-token'

/** Methods that change nothing; every other call counts against the write limit. */
const SAFE_METHODS = new Set(['GET', 'HEAD'])

/**
 * The decision itself, for server functions and plain server routes: authenticate the cookie,
 * require the entry point's scope on the target its parsed input names, answer its `reveal` scopes,
 * and open the request's container. Server-only: as a plain export it would keep `getCookie` (and
 * with it @tanstack/react-start/server) in the client bundle, which Start's import protection refuses.
 */
const guardRequest = createServerOnlyFn(async (entry: EntryPoint, input: unknown) => {
  const app = getAppContainer()
  const config = app.resolve<TokenTypes[typeof CONFIG]>(CONFIG)
  const cookie = sessionCookieName(config.secureCookies)
  const { actor, rejectedToken, policyVersion } = await authenticate(app, getCookie(cookie))
  if (rejectedToken) clearAppCookie(config, cookie)
  const userId = actor.kind === 'user' ? actor.userId : undefined
  noteEntryPoint(entry.name)
  noteUser(userId)
  // Before the policy decision: a caller over the limit costs no more than this.
  const request = getRequest()
  const limit = entry.search ? 'search' : SAFE_METHODS.has(request.method) ? null : 'write'
  if (limit) {
    rateLimiterFor(config).check(limit, { userId, address: clientAddress(request, config.trustProxyHops) })
  }
  const granted = await decide(app, actor, entry.scope, entry.target(input), entry.reveal, policyVersion)
  return { actor, granted, services: requestContainer(app, actor, currentRequestId()) }
})

/**
 * The guard of a server function: validates the input with the entry point's schema (400), then
 * decides its scope on the target the input names (401/403). `entry` comes from the registry
 * (src/domains/entry-points.ts), so every guarded function is listed there.
 */
export function authGuard<S extends z.ZodType>(entry: EntryPoint<S>) {
  // A function validator (not the bare schema) so that a failure is our ValidationError: Start
  // would otherwise wrap zod's issues into an opaque Error.
  // Start's validator types are conditional on the concrete schema, hence the casts inside this
  // generic; at every call site S is concrete and the handler's `data` is fully typed.
  type Validate = (raw: z.input<S>) => z.output<S>
  const validate: Validate = (raw) => parseInput(entry.input, raw)
  return createMiddleware({ type: 'function' })
    .validator<Validate>(validate as never)
    .server(async ({ next, data }) => next({ context: await guardRequest(entry as EntryPoint, data) }))
}

/** The guard of a plain server route (photos, exports): the same decision on raw route input. */
export const guardEntry = createServerOnlyFn(
  async <S extends z.ZodType>(entry: EntryPoint<S>, raw: unknown) => {
    const input: z.output<S> = parseInput(entry.input, raw)
    return { input, ...(await guardRequest(entry as EntryPoint, input)) }
  },
)
