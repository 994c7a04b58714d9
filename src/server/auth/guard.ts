// authGuard: the only place a server function's access is decided (docs/ARCHITECTURE.md).
// It validates the input (400), authenticates the session (401), asks the PolicyResolver for
// the scope on the input's target (401/403) and hands the handler a request-scoped container.
import { createMiddleware } from '@tanstack/react-start'
import { getCookie } from '@tanstack/react-start/server'
import type { z } from 'zod'
import { getAppContainer } from '../di/app-container'
import { requestContainer } from '../di/request-scope'
import { CONFIG, type TokenTypes } from '../di/tokens'
import { currentRequestId } from '../http/request-id'
import { parseInput } from '../validate'
import { authenticate, authorize } from './access'
import { clearAppCookie } from './cookies'
import { ANY_TARGET, type Scope, type Target } from './scopes'
import { sessionCookieName } from './session-token'

async function guard(scope: Scope, target: Target) {
  const app = getAppContainer()
  const config = app.resolve<TokenTypes[typeof CONFIG]>(CONFIG)
  const cookie = sessionCookieName(config.secureCookies)
  const { actor, rejectedToken } = await authenticate(app, getCookie(cookie))
  if (rejectedToken) clearAppCookie(config, cookie)
  await authorize(app, actor, scope, target)
  return { actor, services: requestContainer(app, actor, currentRequestId()) }
}

/** Guards an entry point that takes no input: the scope is checked on "anything". */
export function authGuard(scope: Scope) {
  return createMiddleware({ type: 'function' }).server(async ({ next }) =>
    next({ context: await guard(scope, ANY_TARGET) }),
  )
}

/** Guards an entry point whose input names the target (a group, a user). */
export function authGuardOn<S extends z.ZodType>(
  scope: Scope,
  input: S,
  target: (input: z.output<S>) => Target,
) {
  // A function validator (not the bare schema) so that a failure is our ValidationError: Start
  // would otherwise wrap zod's issues into an opaque Error.
  // Start's validator types are conditional on the concrete schema, hence the casts inside this
  // generic; at every call site S is concrete and the handler's `data` is fully typed.
  type Validate = (raw: z.input<S>) => z.output<S>
  const validate: Validate = (raw) => parseInput(input, raw)
  return createMiddleware({ type: 'function' })
    .validator<Validate>(validate as never)
    .server(async ({ next, data }) => next({ context: await guard(scope, target(data as z.output<S>)) }))
}
