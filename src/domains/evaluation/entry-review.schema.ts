// Inputs and outputs of the colored entry card review (PRODUCT.md: "resort leaders record a
// recommendation per card, the RVT leader sets the final type and justification and marks it
// final"; docs/decisions/0016-entry-review-history-exports.md). Client-safe.
import { z } from 'zod'
import { Id } from '~/shared/ids'
import { Text } from '~/shared/text'
import { EntryTypeSchema, EvaluationRefInput, RequestStatusSchema } from './evaluation.schema'

const Note = Text.trim().max(4000, { error: 'tooLong' })

/** A resort leader's recommendation for one member's colored card (one per reviewer: replaced). */
export const RecommendInput = EvaluationRefInput.extend({
  membershipId: Id,
  type: EntryTypeSchema,
  note: Note.default(''),
})
export type RecommendInput = z.input<typeof RecommendInput>

/**
 * The council's decision on one card: the final type and justification, and whether it is final
 * (false reopens it). A final KB or ÁB needs a justification.
 */
export const FinalizeInput = EvaluationRefInput.extend({
  membershipId: Id,
  finalType: EntryTypeSchema,
  finalJustification: Note.default(''),
  final: z.boolean({ error: 'invalid' }).default(true),
})
export type FinalizeInput = z.input<typeof FinalizeInput>

const CardFilter = z.object({ type: EntryTypeSchema.optional() })
/** The current semester's colored cards of every group, optionally of one (effective) type. */
export const ColoredCardListInput = CardFilter.default({})
export type ColoredCardListInput = z.input<typeof ColoredCardListInput>
/** … of the groups below one resort. */
export const ResortColoredCardListInput = CardFilter.extend({ resortId: Id })
export type ResortColoredCardListInput = z.input<typeof ResortColoredCardListInput>

// ---- outputs ----

export const Recommendation = z.object({
  userId: z.number(),
  type: EntryTypeSchema,
  note: z.string(),
  at: z.coerce.date(),
})
export type Recommendation = z.infer<typeof Recommendation>
export const Recommendations = z.array(Recommendation)

export const ReviewedCard = z.object({
  evaluationId: z.number(),
  groupId: z.number(),
  groupName: z.string(),
  entryStatus: RequestStatusSchema,
  membershipId: z.number(),
  userId: z.number(),
  displayName: z.string(),
  /** What the group proposed. */
  type: EntryTypeSchema,
  justification: z.string(),
  recommendations: z.array(Recommendation.extend({ name: z.string().nullable() })),
  finalType: EntryTypeSchema.nullable(),
  finalJustification: z.string().nullable(),
  final: z.boolean(),
  /** The council's type once final, the group's until then: what the filter and counts use. */
  effectiveType: EntryTypeSchema,
})
export type ReviewedCard = z.infer<typeof ReviewedCard>

export const ColoredCardList = z.object({
  semester: z.string(),
  /** Per effective type, over the listed groups before the type filter. */
  counts: z.object({ KDO: z.number(), KB: z.number(), AB: z.number() }),
  cards: z.array(ReviewedCard),
})
export type ColoredCardList = z.infer<typeof ColoredCardList>
