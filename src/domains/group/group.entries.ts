// What each group entry point requires (src/server/auth/entry-point.ts). Shaping the organisation
// tree (moving a group) is for whoever may create top-level groups (the RVT leader).
import { entryPoints, NoInput, requires } from '~/server/auth/entry-point'
import { groupTarget } from '~/server/auth/scopes'
import { GroupIdInput, GroupListInput } from './group.schema'
import {
  CreateSubgroupInput,
  CreateTopLevelGroupInput,
  MoveGroupInput,
  UpdateGroupInput,
} from './group-management.schema'

const onGroup = (i: { groupId: number }) => groupTarget(i.groupId)

export const groupEntries = entryPoints('group', {
  list: requires('group:view', GroupListInput),
  tree: requires('group:view', NoInput),
  get: requires('group:view', GroupIdInput, onGroup, {
    reveal: [
      'group:edit-profile',
      'group:member-admin',
      'group:role-admin',
      'group:owner',
      'group:create-subgroup',
      'group:apply',
      'evaluation:view',
    ],
  }),
  createTopLevel: requires('group:create-toplevel', CreateTopLevelGroupInput),
  createSubgroup: requires('group:create-subgroup', CreateSubgroupInput, (i) => groupTarget(i.parentId)),
  update: requires('group:edit-profile', UpdateGroupInput, onGroup),
  move: requires('group:create-toplevel', MoveGroupInput),
  archive: requires('group:owner', GroupIdInput, onGroup),
  unarchive: requires('group:owner', GroupIdInput, onGroup),
})
