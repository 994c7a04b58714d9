// tRPC over the same services, schemas and access decision as the server functions. Defined
// and tested, not mounted in the hub; a worker instance will mount it (docs/ARCHITECTURE.md).
import { initTRPC, TRPCError } from '@trpc/server'
import type { DependencyContainer } from 'tsyringe'
import type { z } from 'zod'
import { authenticate, decide } from '../auth/access'
import type { EntryPoint } from '../auth/entry-point'
import { requestContainer } from '../di/request-scope'
import { LOGGER, type TokenTypes } from '../di/tokens'
import { toPublicError } from '../http/error-mapping'

export interface TrpcContext {
  app: DependencyContainer
  /** The caller's session token (a worker will receive the hub-issued instance token here). */
  token: string | undefined
  requestId: string
}

const CODE_BY_STATUS: Record<number, TRPCError['code']> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  503: 'SERVICE_UNAVAILABLE',
}

export interface TrpcMeta {
  /** The registry name of the entry point the procedure was built from. */
  entryPoint: string
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<TrpcMeta>()
  .create({
    errorFormatter: ({ shape, error }) => {
      const fields = error.cause && 'fields' in error.cause ? error.cause.fields : undefined
      return { ...shape, data: { ...shape.data, stack: undefined, fields } }
    },
  })

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/** Maps every thrown error through the same table as the server functions. */
const errorMapping = t.middleware(async ({ ctx, next }) => {
  const result = await next()
  if (!result.ok) {
    const publicError = toPublicError(
      result.error.cause ?? result.error,
      ctx.app.resolve<TokenTypes[typeof LOGGER]>(LOGGER),
    )
    throw new TRPCError({
      code: CODE_BY_STATUS[publicError.status] ?? 'INTERNAL_SERVER_ERROR',
      message: publicError.message,
      cause: publicError,
    })
  }
  return result
})

/**
 * A procedure guarded by its entry point: the input parsed by the entry's schema, its scope
 * decided on the target the input names. The entry's name rides along as meta, so a test can
 * check that every procedure of the app router comes from the registry.
 */
export function guardedProcedure<S extends z.ZodType>(entry: EntryPoint<S>) {
  return t.procedure
    .meta({ entryPoint: entry.name })
    .use(errorMapping)
    .input(entry.input)
    .use(async ({ ctx, input: parsed, next }) => {
      const { actor, policyVersion } = await authenticate(ctx.app, ctx.token)
      const on = entry.target(parsed as z.output<S>)
      const granted = await decide(ctx.app, actor, entry.scope, on, entry.reveal, policyVersion)
      return next({
        ctx: { actor, granted, services: requestContainer(ctx.app, actor, ctx.requestId) },
      })
    })
}
