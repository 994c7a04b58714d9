// Injection tokens. Services depend on these, never on concrete globals, so a worker instance
// can bind its own realm, database and policy resolver (see docs/ARCHITECTURE.md).
import type { AppConfig } from '#config'
import type { Actor } from '../auth/actor'
import type { PolicyResolver } from '../auth/policy-resolver'
import type { RealmClient } from '../db/client'
import type { SqlPool } from '../db/sql'
import type { Logger } from '../logger'
import type { PhotoStorage } from '../storage/photo-storage'

export const REALM_ID = Symbol.for('pek.REALM_ID')
export const PRISMA = Symbol.for('pek.PRISMA')
/** Hot reads on PRISMA's realm-bound pool without Prisma (src/server/db/sql.ts). */
export const SQL = Symbol.for('pek.SQL')
export const CONFIG = Symbol.for('pek.CONFIG')
export const CLOCK = Symbol.for('pek.CLOCK')
export const LOGGER = Symbol.for('pek.LOGGER')
export const POLICY_RESOLVER = Symbol.for('pek.POLICY_RESOLVER')
/** Where profile photos are stored (src/server/storage). */
export const PHOTO_STORAGE = Symbol.for('pek.PHOTO_STORAGE')
/** Request-scoped: who is calling. Registered only in a request's child container. */
export const ACTOR = Symbol.for('pek.ACTOR')
/** Request-scoped: the id that ties the request's log lines together. */
export const REQUEST_ID = Symbol.for('pek.REQUEST_ID')

export interface Clock {
  now(): Date
}

/** What each token resolves to; keeps `resolve` calls typed in tests and the platform code. */
export interface TokenTypes {
  [REALM_ID]: string
  [PRISMA]: RealmClient
  [SQL]: SqlPool
  [CONFIG]: AppConfig
  [CLOCK]: Clock
  [LOGGER]: Logger
  [POLICY_RESOLVER]: PolicyResolver
  [ACTOR]: Actor
  [REQUEST_ID]: string
  [PHOTO_STORAGE]: PhotoStorage
}
