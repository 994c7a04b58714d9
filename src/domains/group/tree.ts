import type { GroupTreeNode } from './group.schema'

type Row = Omit<GroupTreeNode, 'children'> & { parentId: number | null }

/**
 * Builds the organisation forest from flat rows, keeping the rows' order among siblings.
 * A row whose parent is missing from the input becomes a root, so a partial list still renders.
 */
export function buildTree(rows: Row[]): GroupTreeNode[] {
  const nodes = new Map<number, GroupTreeNode>()
  for (const { parentId: _, ...node } of rows) nodes.set(node.id, { ...node, children: [] })
  const roots: GroupTreeNode[] = []
  for (const row of rows) {
    const node = nodes.get(row.id)
    if (!node) continue
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId)
    ;(parent ? parent.children : roots).push(node)
  }
  return roots
}
