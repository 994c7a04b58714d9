import { inject, injectable } from 'tsyringe'
import type { z } from 'zod'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import type { RealmClient } from '~/server/db/client'
import { PRISMA, REALM_ID } from '~/server/di/tokens'
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
    // The group joined in the same statement (relationJoins, ADR 0026).
    const rows = await this.db.evaluation.findMany({
      where: {
        realmId: this.realmId,
        semester,
        ...(groupIds ? { groupId: { in: groupIds } } : {}),
        ...(filter.pointStatus ? { pointStatus: filter.pointStatus } : {}),
        ...(filter.entryStatus ? { entryStatus: filter.entryStatus } : {}),
      },
      select: {
        id: true,
        groupId: true,
        pointStatus: true,
        entryStatus: true,
        pointSubmittedAt: true,
        entrySubmittedAt: true,
        group: { select: { name: true, parentId: true } },
      },
    })
    return rows
      .map((r) =>
        Item.parse({
          evaluationId: r.id,
          groupId: r.groupId,
          groupName: r.group.name,
          parentId: r.group.parentId,
          pointStatus: r.pointStatus,
          entryStatus: r.entryStatus,
          pointSubmittedAt: r.pointSubmittedAt,
          entrySubmittedAt: r.entrySubmittedAt,
        }),
      )
      .sort((a, b) => byHungarian(a.groupName, b.groupName) || a.groupId - b.groupId)
  }
}
