import type { Scope } from '~/server/auth/scopes'
import type { GroupViewerRights } from './group.schema'

/** The `group.get` entry's reveal answers as the page's flags. */
export function viewerRights(granted: ReadonlySet<Scope>): GroupViewerRights {
  return {
    editProfile: granted.has('group:edit-profile'),
    memberAdmin: granted.has('group:member-admin'),
    roleAdmin: granted.has('group:role-admin'),
    owner: granted.has('group:owner'),
    createSubgroup: granted.has('group:create-subgroup'),
    apply: granted.has('group:apply'),
    viewEvaluation: granted.has('evaluation:view'),
  }
}
