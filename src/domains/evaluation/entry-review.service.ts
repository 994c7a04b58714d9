import { inject, injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import type { EntryType } from '~/generated/prisma/enums'
import type { Actor } from '~/server/auth/actor'
import type { RealmClient } from '~/server/db/client'
import { ACTOR, CLOCK, type Clock, PRISMA, REALM_ID } from '~/server/di/tokens'
import { NotFoundError, ValidationError } from '~/server/errors'
import { parseInput } from '~/server/validate'
import { byHungarian } from '~/shared/hungarian-order'
import type { RequestState } from './edit-rules'
import { COLORED, effectiveCard, isColored } from './entry-cards'
import {
  type ColoredCardList,
  ColoredCardListInput,
  ColoredCardList as ColoredCardListView,
  FinalizeInput,
  Recommendations,
  RecommendInput,
  ResortColoredCardListInput,
  type ReviewedCard,
} from './entry-review.schema'
import {
  EntryReviewError,
  type EntryReviewReason,
  finalizeRefusal,
  recommendRefusal,
} from './entry-review-rules'
import { lockEvaluation } from './evaluation-rows'
import { resortSubtree } from './resort-subtree'

const CARD_SELECT = {
  membershipId: true,
  type: true,
  justification: true,
  recommendations: true,
  finalType: true,
  finalJustification: true,
  final: true,
} as const

/**
 * The colored entry card review (PRODUCT.md, "Colored entry cards"): resort leaders recommend a type
 * per KB/ÁB card, the council sets the final type and justification and marks it final, and both see
 * the current semester's colored cards with counts per type. Writes hold the semester settings and
 * the evaluation row (share) like every evaluation edit, and the card row for update, so two
 * reviewers' recommendations (a JSON list written as a whole) never overwrite each other.
 */
@injectable()
export class EntryReviewService {
  constructor(
    @inject(PRISMA) private readonly db: RealmClient,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(ACTOR) private readonly actor: Actor,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(SemesterSettingsService) private readonly settings: SemesterSettingsService,
  ) {}

  /** Records (or replaces) the caller's recommendation for one colored card. */
  async recommend(input: RecommendInput): Promise<ReviewedCard> {
    const { groupId, evaluationId, membershipId, type, note } = parseInput(RecommendInput, input)
    const userId = this.actor.kind === 'user' ? this.actor.userId : null
    if (userId === null) throw new Error('a recommendation needs a user (the guard lets no one else in)')
    return this.review({ groupId, evaluationId, membershipId }, recommendRefusal, async (tx, card) => {
      const others = Recommendations.parse(card.recommendations).filter((r) => r.userId !== userId)
      const recommendations = [...others, { userId, type, note, at: this.clock.now() }]
      await tx.entryCard.update({
        where: { id_realmId: { id: card.id, realmId: this.realmId } },
        data: { recommendations: recommendations.map((r) => ({ ...r, at: r.at.toISOString() })) },
      })
    })
  }

  /** Sets the council's final type and justification of one colored card, and its final mark. */
  async finalize(input: FinalizeInput): Promise<ReviewedCard> {
    const { groupId, evaluationId, membershipId, finalType, finalJustification, final } = parseInput(
      FinalizeInput,
      input,
    )
    if (final && isColored(finalType) && finalJustification === '')
      throw new ValidationError({ finalJustification: ['required'] })
    return this.review({ groupId, evaluationId, membershipId }, finalizeRefusal, async (tx, card) => {
      await tx.entryCard.update({
        where: { id_realmId: { id: card.id, realmId: this.realmId } },
        data: { finalType, finalJustification, final },
      })
    })
  }

  async all(input?: ColoredCardListInput): Promise<ColoredCardList> {
    return this.list(parseInput(ColoredCardListInput, input).type, null)
  }

  async ofResort(input: ResortColoredCardListInput): Promise<ColoredCardList> {
    const { resortId, type } = parseInput(ResortColoredCardListInput, input)
    return this.list(type, await resortSubtree(this.db, this.realmId, resortId))
  }

  // ---- helpers ----

  private async review(
    ref: { groupId: number; evaluationId: number; membershipId: number },
    refusal: (s: RequestState) => EntryReviewReason | null,
    write: (tx: Tx, card: { id: number; recommendations: unknown }) => Promise<void>,
  ): Promise<ReviewedCard> {
    await this.db.$transaction(async (tx) => {
      const settings = await this.settings.locked(tx, 'share')
      const ev = await lockEvaluation(tx, this.realmId, ref, 'share')
      const refused = refusal({
        status: ev.entryStatus,
        period: settings.period,
        current: ev.semester === settings.semester,
      })
      if (refused) throw new EntryReviewError(refused)
      const member = await tx.membership.findFirst({
        where: { realmId: this.realmId, id: ref.membershipId, groupId: ref.groupId },
        select: { id: true },
      })
      if (!member) throw new NotFoundError('Membership', ref.membershipId)
      // Raw SQL names the realm itself (ADR 0003). No row means a KDO card: nothing to review.
      const [card] = await tx.$queryRaw<{ id: number; type: EntryType; recommendations: unknown }[]>`
        SELECT "id", "type"::text AS "type", "recommendations" FROM "EntryCard"
        WHERE "realmId" = ${this.realmId} AND "evaluationId" = ${ev.id} AND "membershipId" = ${ref.membershipId}
        FOR UPDATE`
      if (!card || !isColored(card.type)) throw new EntryReviewError('not-colored')
      await write(tx, card)
    })
    const [card] = await this.cards({ evaluationId: ref.evaluationId, membershipId: ref.membershipId })
    if (!card) throw new NotFoundError('EntryCard', ref.membershipId)
    return card
  }

  private async list(type: EntryType | undefined, groupIds: number[] | null): Promise<ColoredCardList> {
    const { semester } = await this.settings.current()
    const cards = await this.cards({
      evaluation: { semester, ...(groupIds ? { groupId: { in: groupIds } } : {}) },
      OR: [{ type: { in: [...COLORED] } }, { finalType: { in: [...COLORED] } }],
    })
    const counts = { KDO: 0, KB: 0, AB: 0 }
    for (const card of cards) counts[card.effectiveType] += 1
    return ColoredCardListView.parse({
      semester,
      counts,
      cards: type ? cards.filter((c) => c.effectiveType === type) : cards,
    })
  }

  /** The cards matching `where` with their group, member and the recommenders' names, sorted. */
  private async cards(where: {
    evaluationId?: number
    membershipId?: number
    evaluation?: { semester: string; groupId?: { in: number[] } }
    OR?: ({ type: { in: EntryType[] } } | { finalType: { in: EntryType[] } })[]
  }): Promise<ReviewedCard[]> {
    const rows = await this.db.entryCard.findMany({
      where: { realmId: this.realmId, ...where },
      select: {
        ...CARD_SELECT,
        evaluation: {
          select: { id: true, entryStatus: true, group: { select: { id: true, name: true } } },
        },
        membership: { select: { user: { select: { id: true, displayName: true } } } },
      },
    })
    const recommendations = new Map(rows.map((r) => [r, Recommendations.parse(r.recommendations)]))
    const recommenders = [...new Set([...recommendations.values()].flat().map((r) => r.userId))]
    const names = new Map(
      (
        await this.db.user.findMany({
          where: { realmId: this.realmId, id: { in: recommenders } },
          select: { id: true, displayName: true },
        })
      ).map((u) => [u.id, u.displayName]),
    )
    return rows
      .map((r) => ({
        evaluationId: r.evaluation.id,
        groupId: r.evaluation.group.id,
        groupName: r.evaluation.group.name,
        entryStatus: r.evaluation.entryStatus,
        membershipId: r.membershipId,
        userId: r.membership.user.id,
        displayName: r.membership.user.displayName,
        type: r.type,
        justification: r.justification,
        recommendations: (recommendations.get(r) ?? []).map((rec) => ({
          ...rec,
          name: names.get(rec.userId) ?? null,
        })),
        finalType: r.finalType,
        finalJustification: r.finalJustification,
        final: r.final,
        effectiveType: effectiveCard(r).type,
      }))
      .sort(
        (a, b) =>
          byHungarian(a.groupName, b.groupName) ||
          byHungarian(a.displayName, b.displayName) ||
          a.membershipId - b.membershipId,
      )
  }
}
