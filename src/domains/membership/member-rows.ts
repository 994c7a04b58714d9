// Memberships with their current status, in one SQL statement. The status is kept on the membership
// row by triggers on its events (the newest event, ties on the timestamp to the later id, as
// currentStatus in ./status.ts; docs/decisions/0031), so a tab of a group with thousands of
// memberships over the years reads only the rows it shows (issue 8, docs/performance.md). Raw SQL
// bypasses the realm guard (ADR 0003), so every table here names the realm itself.
import { Prisma } from '~/generated/prisma/client'
import type { MembershipStatus, PostKind } from '~/generated/prisma/enums'
import { type Reader, readRows } from '~/server/db/sql'

export interface MemberRow {
  membershipId: number
  groupId: number
  groupName: string
  userId: number
  displayName: string
  screenName: string | null
  status: MembershipStatus
  /** When the current status began. */
  statusSince: Date
  /** The first time the membership became NEWBIE or ACTIVE (memberSince in ./status.ts). */
  since: Date | null
  posts: { id: number; name: string; kind: PostKind }[]
}

/** Whose memberships: a group's or a user's. */
export type MemberRowsOf = { groupId: number } | { userId: number }

function whereOf(of: MemberRowsOf): Prisma.Sql {
  if ('groupId' in of) return Prisma.sql`m."groupId" = ${of.groupId}`
  return Prisma.sql`m."userId" = ${of.userId}`
}

/** The memberships of `of` whose current status is one of `statuses`. */
export async function memberRows(
  db: Reader,
  realmId: string,
  of: MemberRowsOf,
  statuses: readonly MembershipStatus[],
): Promise<MemberRow[]> {
  return readRows<MemberRow>(
    db,
    Prisma.sql`
    SELECT m."id" AS "membershipId", g."id" AS "groupId", g."name" AS "groupName", u."id" AS "userId",
      u."displayName", u."screenName", m."status"::text AS "status", m."statusAt" AS "statusSince",
      (SELECT min(e."at") FROM "MembershipEvent" e
        WHERE e."realmId" = m."realmId" AND e."membershipId" = m."id" AND e."status" IN ('NEWBIE', 'ACTIVE')) AS "since",
      COALESCE((SELECT json_agg(json_build_object('id', t."id", 'name', t."name", 'kind', t."kind"))
        FROM "Post" p JOIN "PostType" t ON t."realmId" = p."realmId" AND t."id" = p."postTypeId"
        WHERE p."realmId" = m."realmId" AND p."membershipId" = m."id"), '[]'::json) AS "posts"
    FROM "Membership" m
    JOIN "User" u ON u."realmId" = m."realmId" AND u."id" = m."userId"
    JOIN "Group" g ON g."realmId" = m."realmId" AND g."id" = m."groupId"
    WHERE m."realmId" = ${realmId} AND ${whereOf(of)}
      AND m."status" IN (${Prisma.join(statuses.length ? [...statuses] : [''])})`,
  )
}
