import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GroupTreeNode } from '~/domains/group/group.schema'
import { buildTree } from '~/domains/group/tree'

const row = (id: number, parentId: number | null) => ({
  id,
  parentId,
  name: `g${id}`,
  purpose: 'CIRCLE' as const,
  archived: false,
})

function flatten(nodes: GroupTreeNode[], parent: number | null = null): [number, number | null][] {
  return nodes.flatMap((n) => [[n.id, parent] as [number, number | null], ...flatten(n.children, n.id)])
}

describe('buildTree', () => {
  it('nests children under their parents, keeping sibling order', () => {
    const tree = buildTree([row(1, null), row(3, 1), row(2, 1), row(4, 3)])
    expect(tree.map((n) => n.id)).toEqual([1])
    expect(tree[0]?.children.map((n) => n.id)).toEqual([3, 2])
    expect(tree[0]?.children[0]?.children.map((n) => n.id)).toEqual([4])
  })

  it('makes a node whose parent is missing a root', () => {
    expect(buildTree([row(5, 99)]).map((n) => n.id)).toEqual([5])
  })

  it('keeps every node exactly once with its parent, for any forest', () => {
    const forest = fc
      .array(fc.nat(), { maxLength: 60 })
      .map((picks) => picks.map((p, i) => row(i + 1, i === 0 || p % 4 === 0 ? null : (p % i) + 1)))
    fc.assert(
      fc.property(forest, (rows) => {
        const pairs = flatten(buildTree(rows)).sort((a, b) => a[0] - b[0])
        expect(pairs).toEqual(rows.map((r) => [r.id, r.parentId]))
      }),
    )
  })
})
