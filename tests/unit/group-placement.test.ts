// The tree rule behind moving, creating and unarchiving groups, on generated trees of any depth.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type PlacedGroup, placementProblem } from '~/domains/group/tree-rules'

type Tree = Map<number, PlacedGroup>

/**
 * A forest of 1..n groups: each node's parent is an earlier node or none, so it is acyclic. `chain`
 * biases towards the previous node, which gives trees hundreds of levels deep.
 */
const forest = fc
  .record({
    size: fc.integer({ min: 1, max: 300 }),
    chain: fc.boolean(),
    seeds: fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 300, maxLength: 300 }),
  })
  .map(({ size, chain, seeds }) => {
    const tree: Tree = new Map()
    for (let id = 1; id <= size; id++) {
      const [pick, archived] = seeds[id - 1] ?? [0, false]
      const parentId = id === 1 || pick % 7 === 0 ? null : chain ? id - 1 : (pick % (id - 1)) + 1
      tree.set(id, { parentId, archived: archived && pick % 5 === 0 })
    }
    return tree
  })

/** The naive oracle: the descendants of `id`, found top-down through children (the rule walks up). */
function subtree(tree: Tree, id: number): Set<number> {
  const found = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const [child, { parentId }] of tree)
      if (parentId !== null && found.has(parentId) && !found.has(child)) {
        found.add(child)
        grew = true
      }
  }
  return found
}

function isAcyclic(tree: Tree): boolean {
  for (const start of tree.keys()) {
    const seen = new Set<number>()
    for (let at: number | null | undefined = start; at != null; at = tree.get(at)?.parentId) {
      if (seen.has(at)) return false
      seen.add(at)
    }
  }
  return true
}

const pickIn = (tree: Tree, n: number) => (n % tree.size) + 1

describe('placementProblem', () => {
  it('refuses exactly the moves under the group itself or a descendant, then an archived parent', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), fc.boolean(), (tree, g, p, toTop) => {
        const groupId = pickIn(tree, g)
        const parentId = toTop ? null : pickIn(tree, p)
        const problem = placementProblem(tree, groupId, parentId)
        const cycle = parentId !== null && subtree(tree, groupId).has(parentId)
        const archived = parentId !== null && (tree.get(parentId)?.archived ?? false)
        expect(problem).toBe(cycle ? 'cycle' : archived ? 'archived-parent' : null)
      }),
    )
  })

  it('keeps the tree acyclic and archived parents childless through any sequence of allowed moves', () => {
    fc.assert(
      fc.property(
        forest,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 60 }),
        (tree, moves) => {
          for (const [g, p, toTop] of moves) {
            const groupId = pickIn(tree, g)
            const parentId = toTop ? null : pickIn(tree, p)
            const before = tree.get(groupId)
            if (!before || placementProblem(tree, groupId, parentId)) continue
            tree.set(groupId, { ...before, parentId })
            expect(parentId === null || !tree.get(parentId)?.archived).toBe(true)
          }
          expect(isAcyclic(tree)).toBe(true)
        },
      ),
    )
  })

  it('lets a new group go anywhere but under an archived one', () => {
    const tree: Tree = new Map([
      [1, { parentId: null, archived: false }],
      [2, { parentId: 1, archived: true }],
    ])
    expect(placementProblem(tree, null, 1)).toBeNull()
    expect(placementProblem(tree, null, 2)).toBe('archived-parent')
    expect(placementProblem(tree, null, null)).toBeNull()
  })

  it('reports a cycle already in a corrupt tree instead of looping', () => {
    const tree: Tree = new Map([
      [1, { parentId: 2, archived: false }],
      [2, { parentId: 1, archived: false }],
      [3, { parentId: null, archived: false }],
    ])
    expect(placementProblem(tree, 3, 1)).toBe('cycle')
  })
})
