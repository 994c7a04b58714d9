// Inputs and outputs of a group's semester evaluation (docs/decisions/0015-evaluations.md).
// Client-safe. Every input names its group: the guard decides on the group, and the service refuses
// an evaluation (principle, membership) of another group with a 404.
import { z } from 'zod'
import { SemesterId } from '~/domains/semester/semester-id'
import { EntryType, PrincipleCategory, RequestStatus } from '~/generated/prisma/enums'
import { Id, MAX_INT } from '~/shared/ids'
import { Text } from '~/shared/text'

export const RequestStatusSchema = z.enum(RequestStatus, { error: 'invalid' })
export const PrincipleCategorySchema = z.enum(PrincipleCategory, { error: 'invalid' })
export const EntryTypeSchema = z.enum(EntryType, { error: 'invalid' })

/** The group's evaluation of a semester: the current one (created on first visit) when omitted. */
export const EvaluationOfGroupInput = z.object({ groupId: Id, semester: SemesterId.optional() })
export type EvaluationOfGroupInput = z.input<typeof EvaluationOfGroupInput>

export const EvaluationRefInput = z.object({ groupId: Id, evaluationId: Id })
export type EvaluationRefInput = z.input<typeof EvaluationRefInput>

const Points = z.number({ error: 'invalid' }).int({ error: 'invalid' })
/** The most points a principle may give, so the most a cell may hold. */
const MAX_POINTS = 1000

const PrincipleFields = z.object({
  name: Text.trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
  description: Text.max(2000, { error: 'tooLong' }).default(''),
  category: PrincipleCategorySchema,
  maxPoints: Points.min(1, { error: 'tooSmall' }).max(MAX_POINTS, { error: 'tooLarge' }),
})

export const CreatePrincipleInput = EvaluationRefInput.extend(PrincipleFields.shape)
export type CreatePrincipleInput = z.input<typeof CreatePrincipleInput>

export const UpdatePrincipleInput = EvaluationRefInput.extend({
  principleId: Id,
  ...PrincipleFields.shape,
  position: z.number().int().min(0).max(MAX_INT).optional(),
})
export type UpdatePrincipleInput = z.input<typeof UpdatePrincipleInput>

export const PrincipleRefInput = EvaluationRefInput.extend({ principleId: Id })
export type PrincipleRefInput = z.input<typeof PrincipleRefInput>

/**
 * One cell write: `expected` is the value the editor last saw (0 for an empty cell); a stored value
 * that differs is a 409 carrying the current one. The upper bound is the principle's (the service).
 */
export const SetCellInput = EvaluationRefInput.extend({
  principleId: Id,
  membershipId: Id,
  value: Points.min(0, { error: 'tooSmall' }).max(MAX_POINTS, { error: 'tooLarge' }),
  expected: Points.min(0, { error: 'invalid' }).max(MAX_POINTS, { error: 'invalid' }),
})
export type SetCellInput = z.input<typeof SetCellInput>

export const SetEntryCardInput = EvaluationRefInput.extend({
  membershipId: Id,
  type: EntryTypeSchema,
  justification: Text.max(4000, { error: 'tooLong' }).default(''),
})
export type SetEntryCardInput = z.input<typeof SetEntryCardInput>

/** The longest report the leader may store (the screen shows it beside the text). */
export const REPORT_MAX_LENGTH = 20_000

export const SetReportInput = EvaluationRefInput.extend({
  report: Text.max(REPORT_MAX_LENGTH, { error: 'tooLong' }),
})
export type SetReportInput = z.input<typeof SetReportInput>

/** Which request a submit or cancel is about. */
export const RequestKindSchema = z.enum(['points', 'entries'], { error: 'invalid' })
export type RequestKind = z.infer<typeof RequestKindSchema>

export const RequestInput = EvaluationRefInput.extend({ request: RequestKindSchema })
export type RequestInput = z.input<typeof RequestInput>

/** A judgement: new statuses (at least one) with the explanation that goes into the thread. */
export const JudgeInput = EvaluationRefInput.extend({
  pointStatus: RequestStatusSchema.optional(),
  entryStatus: RequestStatusSchema.optional(),
  explanation: Text.trim().min(1, { error: 'required' }).max(4000, { error: 'tooLong' }),
})
export type JudgeInput = z.input<typeof JudgeInput>

/** The longest message or cell comment. */
export const BODY_MAX_LENGTH = 4000

/** The text of a message or a cell comment. */
const Body = Text.trim().min(1, { error: 'required' }).max(BODY_MAX_LENGTH, { error: 'tooLong' })

export const PostMessageInput = EvaluationRefInput.extend({ body: Body })
export type PostMessageInput = z.input<typeof PostMessageInput>

export const CellRefInput = EvaluationRefInput.extend({ principleId: Id, membershipId: Id })
export type CellRefInput = z.input<typeof CellRefInput>

export const PostCellCommentInput = CellRefInput.extend({ body: Body })
export type PostCellCommentInput = z.input<typeof PostCellCommentInput>

/** The reviewers' list: the current semester's evaluations, optionally by status. */
const ReviewFilter = z.object({
  pointStatus: RequestStatusSchema.optional(),
  entryStatus: RequestStatusSchema.optional(),
})
export const ReviewListInput = ReviewFilter.default({})
export type ReviewListInput = z.input<typeof ReviewListInput>

/** … of the groups below one resort (its whole subtree). */
export const ResortReviewListInput = ReviewFilter.extend({ resortId: Id })
export type ResortReviewListInput = z.input<typeof ResortReviewListInput>

// ---- outputs ----

export const PrincipleView = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  category: PrincipleCategorySchema,
  maxPoints: z.number(),
  position: z.number(),
})
export type PrincipleView = z.infer<typeof PrincipleView>

const Sums = z.object({ work: z.number(), responsibility: z.number() })

export const PointRow = z.object({
  membershipId: z.number(),
  userId: z.number(),
  displayName: z.string(),
  /** principleId → value; a missing principle is 0. */
  cells: z.record(z.string(), z.number()),
  /** principleId → how many comments the cell's thread holds; a missing principle has none. */
  comments: z.record(z.string(), z.number()),
  /** Raw sums per category. */
  sums: Sums,
  /** After the stored caps (caps.ts): what the member would get. */
  capped: Sums.extend({ total: z.number() }),
  entryCard: z.object({ type: EntryTypeSchema, justification: z.string() }),
})
export type PointRow = z.infer<typeof PointRow>

/** What the viewer may do with the evaluation, as the guard answered (the `get` entry's reveal). */
export const EvaluationViewerRights = z.object({
  editDraft: z.boolean(),
  editPending: z.boolean(),
  submit: z.boolean(),
  judge: z.boolean(),
  accept: z.boolean(),
  writeReport: z.boolean(),
})
export type EvaluationViewerRights = z.infer<typeof EvaluationViewerRights>

export const NO_RIGHTS: EvaluationViewerRights = {
  editDraft: false,
  editPending: false,
  submit: false,
  judge: false,
  accept: false,
  writeReport: false,
}

export const EvaluationView = z.object({
  id: z.number(),
  groupId: z.number(),
  semester: z.string(),
  pointStatus: RequestStatusSchema,
  entryStatus: RequestStatusSchema,
  report: z.string(),
  /** The semester's period now, and whether this is the current semester's evaluation. */
  period: z.enum(['QUIET', 'SUBMISSION', 'REVIEW']),
  current: z.boolean(),
  caps: z.object({
    work: z.number(),
    responsibility: z.number(),
    total: z.number(),
    zeroTotalsUpTo: z.number(),
    minimumTotal: z.number(),
  }),
  principles: z.array(PrincipleView),
  rows: z.array(PointRow),
  viewer: EvaluationViewerRights,
})
export type EvaluationView = z.infer<typeof EvaluationView>

export const CellView = z.object({
  principleId: z.number(),
  membershipId: z.number(),
  value: z.number(),
  updatedAt: z.date(),
})
export type CellView = z.infer<typeof CellView>

export const StatusView = z.object({
  id: z.number(),
  pointStatus: RequestStatusSchema,
  entryStatus: RequestStatusSchema,
})
export type StatusView = z.infer<typeof StatusView>

export const MessageView = z.object({
  id: z.number(),
  body: z.string(),
  system: z.boolean(),
  createdAt: z.date(),
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
})
export type MessageView = z.infer<typeof MessageView>

export const ReviewListItem = z.object({
  evaluationId: z.number(),
  groupId: z.number(),
  groupName: z.string(),
  parentId: z.number().nullable(),
  pointStatus: RequestStatusSchema,
  entryStatus: RequestStatusSchema,
  pointSubmittedAt: z.date().nullable(),
  entrySubmittedAt: z.date().nullable(),
})
export type ReviewListItem = z.infer<typeof ReviewListItem>

/** The reviewers' list as its server functions answer it (src/shared/json-wire.ts). */
export const ReviewItems = z.array(ReviewListItem)
