// What each membership entry point requires (src/server/auth/entry-point.ts): the group's member
// admins move members between states, its role admins give posts, its owner hands over leadership;
// applying is every logged-in user's, for themselves.
import { GroupIdInput } from '~/domains/group/group.schema'
import { UserIdInput } from '~/domains/user/profile.schema'
import { entryPoints, requires } from '~/server/auth/entry-point'
import { groupTarget, userTarget } from '~/server/auth/scopes'
import { HandOverInput, PostCellInput, PostInput } from './member-post.schema'
import { RosterInput } from './membership.schema'
import { AddMemberInput, MembershipRefInput, OwnMembershipInput } from './membership-lifecycle.schema'
import { CreatePostTypeInput, PostTypeRefInput, RenamePostTypeInput } from './post-type.schema'

const onGroup = (i: { groupId: number }) => groupTarget(i.groupId)
const memberAdmin = requires('group:member-admin', MembershipRefInput, onGroup)

export const membershipEntries = entryPoints('membership', {
  activeMembers: requires('group:view-members', GroupIdInput, onGroup),
  /** The pending tab, and a hidden archived tab, are shown to member admins only (the reveal). */
  roster: requires('group:view-members', RosterInput, onGroup, { reveal: ['group:member-admin'] }),
  ofUser: requires('user:view-basic', UserIdInput, (i) => userTarget(i.userId)),
  mine: requires('group:apply', OwnMembershipInput, onGroup),
  applyToGroup: requires('group:apply', OwnMembershipInput, onGroup),
  withdraw: requires('group:apply', OwnMembershipInput, onGroup),
  addMember: requires('group:member-admin', AddMemberInput, onGroup),
  accept: memberAdmin,
  reject: memberAdmin,
  promote: memberAdmin,
  makeFormer: memberAdmin,
  reactivate: memberAdmin,
  archive: memberAdmin,
  unarchive: memberAdmin,
  history: memberAdmin,
  postTypes: requires('group:view-members', GroupIdInput, onGroup),
  createPostType: requires('group:role-admin', CreatePostTypeInput, onGroup),
  renamePostType: requires('group:role-admin', RenamePostTypeInput, onGroup),
  deletePostType: requires('group:role-admin', PostTypeRefInput, onGroup),
  postGrid: requires('group:role-admin', GroupIdInput, onGroup),
  setPost: requires('group:role-admin', PostCellInput, onGroup),
  givePost: requires('group:role-admin', PostInput, onGroup),
  takePost: requires('group:role-admin', PostInput, onGroup),
  handOver: requires('group:owner', HandOverInput, onGroup),
})
