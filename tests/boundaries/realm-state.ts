// Everything the world's realm stores that an entry point can change (sessions aside: every
// authenticated request may move its own `lastSeenAt`), as one comparable text: equal before and
// after a call means the call changed nothing.
import type { Db } from '../factories/records'

export async function realmState(db: Db, realmId: string): Promise<string> {
  const where = { realmId }
  const byId = { orderBy: { id: 'asc' as const } }
  const tables = await Promise.all([
    db.user.findMany({ where, ...byId }),
    db.profile.findMany({ where, orderBy: { userId: 'asc' } }),
    db.externalAccount.findMany({ where, ...byId }),
    db.group.findMany({ where, ...byId }),
    db.membership.findMany({ where, ...byId }),
    db.membershipEvent.findMany({ where, ...byId }),
    db.postType.findMany({ where, ...byId }),
    db.post.findMany({ where, ...byId }),
    db.policy.findMany({ where, ...byId }),
    db.policyStatement.findMany({ where, ...byId }),
    db.policyAssignment.findMany({ where, ...byId }),
    db.notification.findMany({ where, ...byId }),
    db.evaluation.findMany({ where, ...byId }),
    db.principle.findMany({ where, ...byId }),
    db.pointCell.findMany({ where, ...byId }),
    db.entryCard.findMany({ where, ...byId }),
    db.evaluationMessage.findMany({ where, ...byId }),
    db.cellComment.findMany({ where, ...byId }),
    db.communityPoints.findMany({ where, ...byId }),
    db.semesterSettings.findMany({ where }),
    db.semesterSwitch.findMany({ where, ...byId }),
  ])
  return JSON.stringify(tables)
}
