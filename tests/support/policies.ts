// Granting a standard policy (seeded by the hub_reference_data migration) the way an admin does:
// an assignment row (its trigger bumps the policy version, so the very next decision sees it).
import type { Scope } from '~/server/auth/scopes'
import type { Db } from '../factories/records'

export async function grantPolicy(db: Db, userId: number, policyName: string, realmId = 'hub') {
  const policy = await db.policy.findUniqueOrThrow({ where: { realmId_name: { realmId, name: policyName } } })
  await assign(db, realmId, policy.id, userId)
}

/** A policy of its own (under the root) holding exactly `scopes` on anything, assigned to the user. */
export async function grantScopes(db: Db, userId: number, scopes: Scope[], realmId = 'hub') {
  const root = await db.policy.findUniqueOrThrow({
    where: { realmId_name: { realmId, name: 'Szuperadmin' } },
  })
  const policy = await db.policy.create({
    data: { realmId, name: `test ${userId} ${scopes.join(' ')} ${Date.now()}`, parentId: root.id },
  })
  await db.policyStatement.createMany({
    data: scopes.map((scope) => ({ realmId, policyId: policy.id, scope, targetKind: 'ANY' as const })),
  })
  await assign(db, realmId, policy.id, userId)
}

async function assign(db: Db, realmId: string, policyId: number, userId: number) {
  await db.policyAssignment.create({ data: { realmId, policyId, userId } })
}

export const PEK_ADMIN = 'PéK-adminisztrátor'
