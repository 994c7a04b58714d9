// The order a member's posts are listed in, and members by their first post: leaders first.
export const POST_ORDER = [
  'LEADER',
  'RESORT_LEADER',
  'DEPUTY',
  'EVALUATION_HELPER',
  'FINANCIAL_OFFICER',
  'NEWBIE',
  'FORMER_LEADER',
  'CUSTOM',
]

export const byPostOrder = (a: { kind: string; name: string }, b: { kind: string; name: string }) =>
  POST_ORDER.indexOf(a.kind) - POST_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name)

/** A member's rank by their first post (sorted with byPostOrder); members without a post last. */
export const postRank = (m: { posts: { kind: string }[] }) =>
  m.posts.length ? POST_ORDER.indexOf(m.posts[0]?.kind ?? 'CUSTOM') : POST_ORDER.length
