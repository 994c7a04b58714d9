import { Link } from '@tanstack/react-router'
import { useT } from '~/i18n'
import { Badge } from '~/ui'
import type { GroupTreeNode } from '../group.schema'

/** The organisation tree as nested lists; <details> gives keyboard-accessible expand/collapse for free. */
export function GroupTree({ nodes }: { nodes: GroupTreeNode[] }) {
  return (
    <ul className="space-y-1">
      {nodes.map((node) => (
        <TreeItem key={node.id} node={node} depth={0} />
      ))}
    </ul>
  )
}

function TreeItem({ node, depth }: { node: GroupTreeNode; depth: number }) {
  const t = useT()
  const label = (
    <>
      <Link to="/groups/$groupId" params={{ groupId: String(node.id) }} className="font-medium">
        {node.name}
      </Link>
      <span className="ml-2 text-sm text-gray-600">{t(`group.purposes.${node.purpose}`)}</span>
      {node.archived && (
        <Badge tone="neutral" className="ml-2">
          {t('group.page.archived')}
        </Badge>
      )}
    </>
  )
  if (node.children.length === 0) return <li className="py-1 pl-6">{label}</li>
  return (
    <li>
      <details open={depth < 1} className="group">
        <summary className="cursor-pointer py-1 marker:text-gray-500">{label}</summary>
        <ul className="ml-3 border-l border-gray-200 pl-3">
          {node.children.map((child) => (
            <TreeItem key={child.id} node={child} depth={depth + 1} />
          ))}
        </ul>
      </details>
    </li>
  )
}
