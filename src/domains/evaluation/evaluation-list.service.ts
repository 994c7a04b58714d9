import { inject, injectable } from 'tsyringe'
import { z } from 'zod'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { Prisma } from '~/generated/prisma/client'
import type { RealmClient } from '~/server/db/client'
import type { Sql } from '~/server/db/sql'
import { PRISMA, REALM_ID, SQL } from '~/server/di/tokens'
import { parseInput } from '~/server/validate'
import { byHungarian } from '~/shared/hungarian-order'
import {
  ReviewListItem as Item,
  ResortReviewListInput,
  ReviewListInput,
  type ReviewListItem,
} from './evaluation.schema'
import { resortSubtree } from './resort-subtree'

/**
 * The reviewers' list (PRODUCT.md, "Judgement"): the current semester's evaluations, filtered by
 * status — all of them (for those who may see evaluations anywhere), or those of the groups below
 * one resort (the guard decides on the resort; a view grant with descendants covers the list).
 * Only evaluations that exist are listed: a group that never opened its own has nothing to judge.
 */
@injectable()
export class EvaluationListService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(SQL) private readonly sql: Sql,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
  ) {}

  async all(input?: ReviewListInput): Promise<ReviewListItem[]> {
    return this.list(parseInput(ReviewListInput, input), null)
  }

  async ofResort(input: ResortReviewListInput): Promise<ReviewListItem[]> {
    const { resortId, ...filter } = parseInput(ResortReviewListInput, input)
    return this.list(filter, await resortSubtree(this.db, this.realmId, resortId))
  }

  private async list(
    filter: z.output<typeof ReviewListInput>,
    groupIds: number[] | null,
  ): Promise<ReviewListItem[]> {
    const { semester } = await this.settings.current()
    // Raw, the group joined flat: Prisma's relation join aggregates each group as JSON and maps it
    // back, a fifth of this list's CPU (issue 8); and sent without Prisma (fix 22). Raw SQL bypasses
    // the realm guard (ADR 0003), so each table names the realm.
    const rows = await this.sql.rows<ReviewListItem>(Prisma.sql`
      SELECT e.id AS "evaluationId", e."groupId", g.name AS "groupName", g."parentId",
        e."pointStatus"::text AS "pointStatus", e."entryStatus"::text AS "entryStatus",
        e."pointSubmittedAt", e."entrySubmittedAt"
      FROM "Evaluation" e JOIN "Group" g ON g."realmId" = e."realmId" AND g.id = e."groupId"
      WHERE e."realmId" = ${this.realmId} AND e.semester = ${semester}
        ${groupIds ? Prisma.sql`AND e."groupId" = ANY(${groupIds})` : Prisma.empty}
        ${filter.pointStatus ? Prisma.sql`AND e."pointStatus" = ${filter.pointStatus}::"RequestStatus"` : Prisma.empty}
        ${filter.entryStatus ? Prisma.sql`AND e."entryStatus" = ${filter.entryStatus}::"RequestStatus"` : Prisma.empty}`)
    return z
      .array(Item)
      .parse(rows)
      .sort((a, b) => byHungarian(a.groupName, b.groupName) || a.groupId - b.groupId)
  }
}
