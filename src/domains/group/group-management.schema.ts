// Inputs and output of group management (create, edit, move, archive). Messages are the stable
// validation codes of src/domains/user/field-rules.ts, which the UI translates.
import { z } from 'zod'
import { optionalText, Webpage } from '~/domains/user/field-rules'
import { Id, Version } from '~/shared/ids'
import { Text } from '~/shared/text'
import { GroupDetail, GroupPurposeSchema } from './group.schema'

/** The year the first dormitory groups were founded cannot be earlier than this. */
export const EARLIEST_FOUNDING_YEAR = 1900

const FoundedYear = z
  .number({ error: 'invalid' })
  .int({ error: 'invalid' })
  .min(EARLIEST_FOUNDING_YEAR, { error: 'invalid' })
  .nullable()
  .refine((year) => year === null || year <= new Date().getUTCFullYear(), { error: 'invalid' })

const MailingList = optionalText(200).refine(
  (value) => value === null || z.email().safeParse(value).success,
  {
    error: 'invalid',
  },
)

/** The group's own data, edited as a whole by its leader. */
export const GroupFields = z.object({
  name: Text.trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
  shortDescription: Text.trim().max(500, { error: 'tooLong' }),
  purpose: GroupPurposeSchema,
  foundedYear: FoundedYear,
  webpage: Webpage,
  mailingList: MailingList,
  acceptsApplications: z.boolean(),
  showArchivedMembers: z.boolean(),
})
export type GroupFields = z.input<typeof GroupFields>

/** A new group: at the top of the tree (`parentId` null) or under a parent. */
export const CreateGroupInput = GroupFields.extend({ parentId: Id.nullable() })
export type CreateGroupInput = z.input<typeof CreateGroupInput>

/** Two entry points, because two scopes decide: the top of the tree, or under a given parent. */
export const CreateTopLevelGroupInput = GroupFields.extend({ parentId: z.null() })
export const CreateSubgroupInput = GroupFields.extend({ parentId: Id })

/** `version` is the one the edit started from: a stale one is a 409, never a lost update. */
export const UpdateGroupInput = GroupFields.extend({ groupId: Id, version: Version })
export type UpdateGroupInput = z.input<typeof UpdateGroupInput>

export const MoveGroupInput = z.object({ groupId: Id, parentId: Id.nullable() })
export type MoveGroupInput = z.input<typeof MoveGroupInput>

/** A group as its managers see it after a change: its detail without the neighbours, and every field. */
export const GroupData = GroupDetail.omit({ parent: true, children: true }).extend({
  parentId: z.number().nullable(),
  showArchivedMembers: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type GroupData = z.infer<typeof GroupData>
