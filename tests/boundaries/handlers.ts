// What the guard-only entries' handlers do once the guard lets a call through (./transport.ts
// decides them through the guard alone): the service call each server function or plain route
// makes, on the request's container. The realm-isolation and known-holes matrices read their
// answers — a CSV, a photo, the current user — which the guard's decision alone does not show.
import { createHash, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DependencyContainer } from 'tsyringe'
import type { z } from 'zod'
import type { ExportInput } from '~/domains/evaluation/exports.schema'
import { ExportService } from '~/domains/evaluation/exports.service'
import { CurrentUserService } from '~/domains/user/current-user.service'
import type { PhotoUploadInput } from '~/domains/user/photo.schema'
import { PhotoService } from '~/domains/user/photo.service'
import { authenticate } from '~/server/auth/access'
import type { EntryPoint } from '~/server/auth/entry-point'
import { requestContainer } from '~/server/di/request-scope'
import { parseInput } from '~/server/validate'
import { type Call, caller, errorOutcome } from './transport'

interface Handler {
  /** Changes nothing: its answer may be compared with an earlier one. */
  read: boolean
  run(services: DependencyContainer, input: unknown): Promise<unknown>
}

const userIdOf = (input: unknown) => (input as { userId: number }).userId

/** One per entry of GUARD_ONLY (tests/boundaries/realm-isolation.test.ts checks). */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  // The rights are the guard's answers passed through untouched; what the service reads is the user.
  'user.current': {
    read: true,
    run: (s) =>
      s.resolve(CurrentUserService).get({
        policyAdmin: false,
        issuer: false,
        createGroups: false,
        semesterAdmin: false,
        reviewer: false,
      }),
  },
  // getPhotoInfo, and GET /api/users/$userId/photo (the bytes as a digest).
  'user.photo': {
    read: true,
    run: async (s, input) => {
      const photos = s.resolve(PhotoService)
      const { bytes, contentType, version } = await photos.read(userIdOf(input))
      const digest = createHash('sha256').update(bytes).digest('hex')
      return { info: await photos.info(userIdOf(input)), photo: { digest, contentType, version } }
    },
  },
  'user.uploadPhoto': {
    read: false,
    run: (s, input) => {
      const { userId, photo } = input as z.output<typeof PhotoUploadInput>
      return s.resolve(PhotoService).upload(userId, photo)
    },
  },
  'user.removePhoto': { read: false, run: (s, input) => s.resolve(PhotoService).remove(userIdOf(input)) },
  'exports.communityPoints': {
    read: true,
    run: (s, input) => s.resolve(ExportService).communityPoints(input as ExportInput),
  },
  'exports.coloredCards': {
    read: true,
    run: (s, input) => s.resolve(ExportService).coloredCards(input as ExportInput),
  },
  'exports.activeUsers': { read: true, run: (s) => s.resolve(ExportService).activeUsers() },
}

/** Whether a call of `entry` changes nothing: a tRPC query, or a guard-only entry's reading handler. */
export function readsOnly(entry: EntryPoint, procedureType: string | undefined): boolean {
  const handler = HANDLERS[entry.name]
  return handler ? handler.read : procedureType === 'query'
}

/**
 * Like ./transport.ts `caller`, but a guard-only entry the guard lets through runs its handler's
 * service call, and answers with what the handler would send (or the error's public form).
 */
export function servingCaller(app: DependencyContainer): Call {
  const decide = caller(app)
  return async (entry, input, token) => {
    const decision = await decide(entry, input, token)
    const handler = HANDLERS[entry.name]
    if (!handler || decision.status !== 200) return decision
    const { actor } = await authenticate(app, token)
    try {
      const services = requestContainer(app, actor, 'boundaries')
      return { status: 200, body: await handler.run(services, parseInput(entry.input, input)) }
    } catch (error) {
      return errorOutcome(app, error)
    }
  }
}

/** A folder of its own for the photos a test file uploads, and a way to remove it. */
export function photoFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `pek-bounds-${randomUUID().slice(0, 8)}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
