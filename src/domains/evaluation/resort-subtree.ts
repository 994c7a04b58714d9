// The groups below a resort (its whole subtree, the resort itself not included), from the parent
// links: a tree, no cycles (ADR 0013). Shared by the reviewers' lists of evaluations and of colored
// entry cards, which both decide access on the resort and cover its descendants.
import type { RealmClient } from '~/server/db/client'
import { NotFoundError } from '~/server/errors'

export async function resortSubtree(db: RealmClient, realmId: string, resortId: number): Promise<number[]> {
  const groups = await db.group.findMany({ where: { realmId }, select: { id: true, parentId: true } })
  if (!groups.some((g) => g.id === resortId)) throw new NotFoundError('Group', resortId)
  const below = new Set<number>()
  let frontier = [resortId]
  while (frontier.length > 0) {
    const next = groups.filter((g) => g.parentId !== null && frontier.includes(g.parentId)).map((g) => g.id)
    for (const id of next) below.add(id)
    frontier = next
  }
  return [...below]
}
