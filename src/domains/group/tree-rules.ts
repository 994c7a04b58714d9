// Where a group may sit in the tree (PRODUCT.md, "Groups"): never under itself or one of its
// descendants, never under an archived group. Pure, so a property test can check it on any tree.
import { InvalidStateError } from '~/server/errors'

export interface PlacedGroup {
  parentId: number | null
  archived: boolean
}

export type PlacementProblem = 'cycle' | 'archived-parent'

/**
 * Why `groupId` (null: a group not created yet) may not be placed under `parentId` (null: the top
 * of the tree), or null when it may. A parent missing from `tree` is the caller's NotFound. A
 * corrupt tree that already has a cycle above the parent is reported as a cycle, never looped on.
 */
export function placementProblem(
  tree: ReadonlyMap<number, PlacedGroup>,
  groupId: number | null,
  parentId: number | null,
): PlacementProblem | null {
  if (parentId === null) return null
  const seen = new Set<number>()
  for (let at: number | null | undefined = parentId; at !== null && at !== undefined; ) {
    if (at === groupId || seen.has(at)) return 'cycle'
    seen.add(at)
    at = tree.get(at)?.parentId
  }
  return tree.get(parentId)?.archived ? 'archived-parent' : null
}

/** A refused placement (move, create, unarchive): `reason` says why, for callers and the UI. */
export class GroupPlacementError extends InvalidStateError {
  constructor(override readonly reason: PlacementProblem | 'active-children') {
    super(
      reason === 'cycle'
        ? 'A group cannot be placed under itself or one of its descendants'
        : reason === 'archived-parent'
          ? 'A group cannot be placed under an archived group'
          : 'A group with active subgroups cannot be archived',
      reason,
    )
  }
}
