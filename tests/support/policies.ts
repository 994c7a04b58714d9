// Granting a standard policy (seeded by the hub_reference_data migration) the way an admin does:
// an assignment row (its trigger bumps the policy version, so the very next decision sees it).
import type { Scope } from '~/server/auth/scopes'
import type { Db } from '../factories/records'

export async function grantPolicy(db: Db, userId: number, policyName: string, realmId = 'hub') {
  await assign(db, realmId, await policyIdByName(db, policyName, realmId), userId)
}

/** A policy's id by its name (the built-in ones are found by name, ADR 0012). */
export async function policyIdByName(db: Db, name: string, realmId = 'hub'): Promise<number> {
  return (await db.policy.findUniqueOrThrow({ where: { realmId_name: { realmId, name } } })).id
}

/** A policy of its own (under the root) holding exactly `scopes` on anything, assigned to the user. */
export async function grantScopes(db: Db, userId: number, scopes: Scope[], realmId = 'hub') {
  const policy = await db.policy.create({
    data: {
      realmId,
      name: `test ${userId} ${scopes.join(' ')} ${Date.now()}`,
      parentId: await policyIdByName(db, ROOT_POLICY, realmId),
    },
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
export const ROOT_POLICY = 'Szuperadmin'
