import { z } from 'zod'
import { Id } from '~/shared/ids'
import { GroupPostType } from './post-type.schema'

/** One cell of the members × post types grid: give (`held` true) or take a post. */
export const PostCellInput = z.object({ groupId: Id, membershipId: Id, postTypeId: Id, held: z.boolean() })
export type PostCellInput = z.input<typeof PostCellInput>

/** Give or take one post. */
export const PostInput = PostCellInput.omit({ held: true })
export type PostInput = z.input<typeof PostInput>

/** The new leader; the current one becomes "former leader". */
export const HandOverInput = z.object({ groupId: Id, membershipId: Id })
export type HandOverInput = z.input<typeof HandOverInput>

export const HandOverResult = z.object({ leader: z.number(), formerLeaders: z.array(z.number()) })
export type HandOverResult = z.infer<typeof HandOverResult>

/** A serving member's row of the grid: the post types they hold. */
export const PostGridRow = z.object({ membershipId: z.number(), postTypeIds: z.array(z.number()) })
export type PostGridRow = z.infer<typeof PostGridRow>

export const PostGridMember = PostGridRow.extend({
  userId: z.number(),
  displayName: z.string(),
  status: z.enum(['NEWBIE', 'ACTIVE']),
})

/** Members (newbie and active, by name) × the post types the group gives. */
export const PostGrid = z.object({ postTypes: z.array(GroupPostType), members: z.array(PostGridMember) })
export type PostGrid = z.infer<typeof PostGrid>
