import { useT } from '~/i18n'
import { Badge } from '~/ui'
import type { MemberPost } from '../membership.schema'

/** A member's posts as badges: the leader stands out; a group's own post types show their name. */
export function PostBadges({ posts }: { posts: readonly MemberPost[] }) {
  const t = useT()
  return (
    <ul className="flex flex-wrap gap-1">
      {posts.map((p) => (
        <li key={p.id}>
          <Badge tone={p.kind === 'LEADER' ? 'brand' : 'neutral'}>
            {p.kind === 'CUSTOM' ? p.name : t(`membership.posts.${p.kind}`)}
          </Badge>
        </li>
      ))}
    </ul>
  )
}
