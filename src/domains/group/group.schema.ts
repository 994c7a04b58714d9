import { z } from 'zod'
import { GroupPurpose } from '~/generated/prisma/enums'
import { Id } from '~/shared/ids'
import { Text } from '~/shared/text'

export const GroupPurposeSchema = z.enum(GroupPurpose)

export const GroupIdInput = z.object({ groupId: Id })
export type GroupIdInput = z.input<typeof GroupIdInput>

export const GroupListInput = z.object({
  status: z.enum(['active', 'all']).default('active'),
  filter: Text.trim().max(100).default(''),
})
export type GroupListInput = z.input<typeof GroupListInput>

const GroupRef = z.object({ id: z.number(), name: z.string() })

export const GroupSummary = z.object({
  id: z.number(),
  name: z.string(),
  shortDescription: z.string(),
  purpose: GroupPurposeSchema,
  archived: z.boolean(),
  parent: GroupRef.nullable(),
  /** Over a year old and no submitted evaluation in the two previous semesters (PRODUCT.md). */
  probablyInactive: z.boolean(),
})
export type GroupSummary = z.infer<typeof GroupSummary>

export const GroupList = z.array(GroupSummary)

/** The directory as its server function answers it: the cached list itself (src/shared/json-wire.ts). */
export const Directory = GroupList.readonly()

export interface GroupTreeNode {
  id: number
  name: string
  purpose: z.infer<typeof GroupPurposeSchema>
  archived: boolean
  children: GroupTreeNode[]
}
export const GroupTreeNode: z.ZodType<GroupTreeNode> = z.object({
  id: z.number(),
  name: z.string(),
  purpose: GroupPurposeSchema,
  archived: z.boolean(),
  get children() {
    return z.array(GroupTreeNode)
  },
})
export const GroupTree = z.array(GroupTreeNode)

export const GroupDetail = z.object({
  id: z.number(),
  name: z.string(),
  shortDescription: z.string(),
  purpose: GroupPurposeSchema,
  foundedYear: z.number().nullable(),
  webpage: z.string().nullable(),
  mailingList: z.string().nullable(),
  acceptsApplications: z.boolean(),
  showArchivedMembers: z.boolean(),
  archived: z.boolean(),
  /** What an edit of the group's data must name (optimistic concurrency). */
  version: z.number(),
  parent: GroupRef.nullable(),
  children: z.array(GroupRef.extend({ purpose: GroupPurposeSchema, archived: z.boolean() })),
})
export type GroupDetail = z.infer<typeof GroupDetail>

/**
 * What the viewer may do on the group page, as the guard answered it for this request (the
 * `group.get` entry's reveal scopes). It only chooses what to show: every action is guarded again.
 */
export const GroupViewerRights = z.object({
  editProfile: z.boolean(),
  memberAdmin: z.boolean(),
  roleAdmin: z.boolean(),
  owner: z.boolean(),
  createSubgroup: z.boolean(),
  apply: z.boolean(),
  viewEvaluation: z.boolean(),
})
export type GroupViewerRights = z.infer<typeof GroupViewerRights>

export const GroupPage = GroupDetail.extend({ viewer: GroupViewerRights })
export type GroupPage = z.infer<typeof GroupPage>
