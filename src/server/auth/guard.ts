// authGuard: the only place a server function's access is decided (docs/ARCHITECTURE.md).
// It validates the input (400), authenticates the session (401), asks the PolicyResolver for
// the scope on the input's target (401/403) and hands the handler a request-scoped container.
import { createMiddleware, createServerOnlyFn } from '@tanstack/react-start'
import { getCookie } from '@tanstack/react-start/server'
import type { z } from 'zod'
import { getAppContainer } from '../di/app-container'
import { requestContainer } from '../di/request-scope'
import { CONFIG, type TokenTypes } from '../di/tokens'
import { currentRequestId } from '../http/request-id'
import { parseInput } from '../validate'
import { authenticate, decide } from './access'
import { clearAppCookie } from './cookies'
import { ANY_TARGET, type Scope, type Target } from './scopes'
import { sessionCookieName } from './session-token'

export interface GuardOptions {
  /**
   * Further scopes decided on the same target without refusing the call: the answers reach the
   * handler as `context.granted`, e.g. whether hidden profile fields may be shown.
   */
  reveal?: readonly Scope[]
}

/**
 * The decision itself, for server functions (below) and plain server routes (photos, exports):
 * authenticate the cookie, require `scope` on `target`, answer the `reveal` scopes, and open the
 * request's container. Server-only: as a plain export it would keep `getCookie` (and with it
 * @tanstack/react-start/server) in the client bundle, which Start's import protection refuses.
 */
export const guardRequest = createServerOnlyFn(
  async (scope: Scope, target: Target, options: GuardOptions = {}) => {
    const app = getAppContainer()
    const config = app.resolve<TokenTypes[typeof CONFIG]>(CONFIG)
    const cookie = sessionCookieName(config.secureCookies)
    const { actor, rejectedToken } = await authenticate(app, getCookie(cookie))
    if (rejectedToken) clearAppCookie(config, cookie)
    const granted = await decide(app, actor, scope, target, options.reveal)
    return { actor, granted, services: requestContainer(app, actor, currentRequestId()) }
  },
)

/** Guards an entry point that takes no input: the scope is checked on "anything". */
export function authGuard(scope: Scope, options?: GuardOptions) {
  return createMiddleware({ type: 'function' }).server(async ({ next }) =>
    next({ context: await guardRequest(scope, ANY_TARGET, options) }),
  )
}

/** Guards an entry point whose input names the target (a group, a user). */
export function authGuardOn<S extends z.ZodType>(
  scope: Scope,
  input: S,
  target: (input: z.output<S>) => Target,
  options?: GuardOptions,
) {
  // A function validator (not the bare schema) so that a failure is our ValidationError: Start
  // would otherwise wrap zod's issues into an opaque Error.
  // Start's validator types are conditional on the concrete schema, hence the casts inside this
  // generic; at every call site S is concrete and the handler's `data` is fully typed.
  type Validate = (raw: z.input<S>) => z.output<S>
  const validate: Validate = (raw) => parseInput(input, raw)
  return createMiddleware({ type: 'function' })
    .validator<Validate>(validate as never)
    .server(async ({ next, data }) =>
      next({ context: await guardRequest(scope, target(data as z.output<S>), options) }),
    )
}
