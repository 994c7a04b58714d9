// Row locks for the read-check-write transactions of groups, memberships and posts: a check reads
// the state after the lock, so a concurrent writer is checked against the winner's committed state.
// Raw SQL bypasses the realm guard (docs/decisions/0003-realm-enforcement.md): every statement here
// names the realm itself.
import type { RealmClient } from '~/server/db/client'
import { isUniqueViolation } from '~/server/db/unique-violation'
import { NotFoundError } from '~/server/errors'

/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<RealmClient['$transaction']>[0]>[0]

/**
 * Locks one group row until the transaction ends; false when there is no such group. NO KEY UPDATE:
 * rows that only reference the group (new memberships, posts) are not held up by it.
 */
export async function lockGroup(tx: Tx, realmId: string, groupId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Group" WHERE "id" = ${groupId} AND "realmId" = ${realmId} FOR NO KEY UPDATE`
  return rows.length > 0
}

/** Locks one membership row (of `groupId`) until the transaction ends; false when there is none. */
export async function lockMembership(
  tx: Tx,
  realmId: string,
  groupId: number,
  membershipId: number,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Membership"
    WHERE "id" = ${membershipId} AND "realmId" = ${realmId} AND "groupId" = ${groupId} FOR UPDATE`
  return rows.length > 0
}

/**
 * Finds the user's membership in the group, creating an empty one when there is none (a first
 * application), and locks it. Two first applications at once meet on the unique (group, user)
 * index: the second waits for the first to commit and then locks the same row.
 */
export async function lockOrCreateMembership(
  tx: Tx,
  realmId: string,
  groupId: number,
  userId: number,
): Promise<number> {
  await tx.$executeRaw`
    INSERT INTO "Membership" ("realmId", "groupId", "userId") VALUES (${realmId}, ${groupId}, ${userId})
    ON CONFLICT ("realmId", "groupId", "userId") DO NOTHING`
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Membership"
    WHERE "realmId" = ${realmId} AND "groupId" = ${groupId} AND "userId" = ${userId} FOR UPDATE`
  const id = rows[0]?.id
  if (id === undefined) throw new Error('membership row vanished inside its own transaction')
  return id
}

/**
 * Serialises changes of the realm's group tree (create, move, archive, unarchive) with a
 * transaction-scoped advisory lock: a placement check then sees every earlier change, so two
 * concurrent moves cannot close a cycle between them.
 */
export async function lockGroupTree(tx: Tx, realmId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pek.group-tree'), hashtext(${realmId}))`
}

/**
 * Runs `run` in a transaction that first locks the group row (a missing group is NotFound). A
 * unique violation — a database rule that a writer skipping this lock ran into — becomes
 * `onUniqueViolation()`, the caller's typed error.
 */
export async function underGroupLock<T>(
  db: RealmClient,
  realmId: string,
  groupId: number,
  run: (tx: Tx) => Promise<T>,
  onUniqueViolation: () => Error,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      if (!(await lockGroup(tx, realmId, groupId))) throw new NotFoundError('Group', groupId)
      return run(tx)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw onUniqueViolation()
    throw error
  }
}
