// How the matrices call an entry point: through the tRPC procedure built from it (found by the entry
// name the procedure carries as meta), or — for the entries served only by server functions and
// plain server routes, which need TanStack Start's request runtime — through the guard's decision
// itself: the entry's schema, then `authenticate` and `decide` (src/server/auth/access.ts), exactly
// what `guardRequest` (src/server/auth/guard.ts) runs before the handler. Either way the answer is
// an HTTP status and the body a client would read.
import { TRPCError } from '@trpc/server'
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import'
import type { DependencyContainer } from 'tsyringe'
import { ENTRY_POINTS } from '~/domains/entry-points'
import { authenticate, decide } from '~/server/auth/access'
import type { EntryPoint } from '~/server/auth/entry-point'
import { LOGGER, type TokenTypes } from '~/server/di/tokens'
import { toPublicError } from '~/server/http/error-mapping'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { parseInput } from '~/server/validate'

/**
 * The entries no tRPC procedure serves, and what does. The matrices decide them through the guard
 * alone; what their handlers answer is tested where the runtime exists.
 */
export const GUARD_ONLY: Readonly<Record<string, string>> = {
  'user.current':
    "server function getCurrentUser (every page's layout); its answers: tests/e2e/session.spec.ts, login.spec.ts",
  'user.photo':
    'plain route GET /api/users/$userId/photo and server function getPhotoInfo; tests/e2e/photo.spec.ts',
  'user.uploadPhoto':
    'multipart server function uploadPhoto; tests/e2e/photo.spec.ts, tests/integration/photo.test.ts',
  'user.removePhoto': 'server function removePhoto; tests/e2e/photo.spec.ts',
  'exports.communityPoints':
    'plain route GET /api/exports/community-points; tests/integration/exports.test.ts, tests/e2e/history-exports.spec.ts',
  'exports.coloredCards': 'plain route GET /api/exports/colored-cards; tests/integration/exports.test.ts',
  'exports.activeUsers':
    'plain route GET /api/exports/active-users; tests/integration/exports.test.ts, tests/e2e/history-exports.spec.ts',
}

export interface Outcome {
  /** The HTTP status a client gets (200 for an answer). */
  status: number
  /** The answer, or the error body: its message, code, field messages and refusal reason. */
  body: unknown
}

interface Procedure {
  _def: { meta?: { entryPoint?: string }; type: 'query' | 'mutation' | 'subscription' }
}

// At run time the record is flat, keyed by path ("group.list"); its static type is nested.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)

/** Procedure paths by the entry they were built from. */
export const PROCEDURES: ReadonlyMap<string, { path: string; type: Procedure['_def']['type'] }[]> = new Map(
  ENTRY_POINTS.map((entry) => [
    entry.name,
    procedures
      .filter(([, p]) => p._def.meta?.entryPoint === entry.name)
      .map(([path, p]) => ({ path, type: p._def.type })),
  ]),
)

/** Calls `entry` with `input`, as the holder of `token` (none: an anonymous visitor). */
export type Call = (entry: EntryPoint, input: unknown, token: string | undefined) => Promise<Outcome>

export function caller(app: DependencyContainer): Call {
  return async (entry, input, token) => {
    const [procedure] = PROCEDURES.get(entry.name) ?? []
    if (procedure) return callProcedure(app, procedure.path, procedure.type, input, token)
    if (entry.name in GUARD_ONLY) return callGuard(app, entry, input, token)
    throw new Error(`${entry.name} has no tRPC procedure and is not listed in GUARD_ONLY`)
  }
}

async function callProcedure(
  app: DependencyContainer,
  path: string,
  type: Procedure['_def']['type'],
  input: unknown,
  token: string | undefined,
): Promise<Outcome> {
  const api: unknown = createCallerFactory(appRouter)({ app, token, requestId: 'boundaries' })
  const call = path.split('.').reduce((node, key) => (node as Record<string, unknown>)[key], api) as (
    input: unknown,
  ) => Promise<unknown>
  try {
    return { status: 200, body: await call(input) }
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error
    const shape = getErrorShape({ config: appRouter._def._config, error, type, path, input, ctx: undefined })
    return { status: shape.data.httpStatus, body: { ...shape, cause: wire(error.cause) } }
  }
}

async function callGuard(
  app: DependencyContainer,
  entry: EntryPoint,
  input: unknown,
  token: string | undefined,
): Promise<Outcome> {
  try {
    const parsed = parseInput(entry.input, input)
    const { actor } = await authenticate(app, token)
    const granted = await decide(app, actor, entry.scope, entry.target(parsed), entry.reveal)
    return { status: 200, body: { actor: actor.kind, granted: [...granted].sort() } }
  } catch (error) {
    return errorOutcome(app, error)
  }
}

/** A guard-only entry's failure as its client reads it: the error's mapped status and public form. */
export function errorOutcome(app: DependencyContainer, error: unknown): Outcome {
  const publicError = toPublicError(error, app.resolve<TokenTypes[typeof LOGGER]>(LOGGER))
  // What the plain routes answer (src/server/http/route-errors.ts) and server functions carry.
  return { status: publicError.status, body: { error: wire(publicError) } }
}

/** An error's own fields and message, as its wire form carries them. */
function wire(error: unknown): unknown {
  return error instanceof Error ? { ...error, message: error.message } : error
}
