import { z } from 'zod'
import { Id } from '~/shared/ids'
import { Text } from '~/shared/text'
import { MemberPost } from './membership.schema'

/** A group's own post type name: at most 30 characters (PRODUCT.md), unique within the group. */
export const PostTypeName = Text.trim().min(1, { error: 'required' }).max(30, { error: 'tooLong' })

export const CreatePostTypeInput = z.object({ groupId: Id, name: PostTypeName })
export type CreatePostTypeInput = z.input<typeof CreatePostTypeInput>

export const RenamePostTypeInput = z.object({ groupId: Id, postTypeId: Id, name: PostTypeName })
export type RenamePostTypeInput = z.input<typeof RenamePostTypeInput>

export const PostTypeRefInput = z.object({ groupId: Id, postTypeId: Id })
export type PostTypeRefInput = z.input<typeof PostTypeRefInput>

/** A post type a group can give: a shared one (every group has it) or the group's own. */
export const GroupPostType = MemberPost.extend({
  shared: z.boolean(),
  /** How many of the group's members hold it; a group's own type in use cannot be deleted. */
  holders: z.number(),
})
export type GroupPostType = z.infer<typeof GroupPostType>
export const GroupPostTypeList = z.array(GroupPostType)
