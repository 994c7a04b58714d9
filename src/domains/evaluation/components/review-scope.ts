// Which reviewers' list a viewer gets. The server decides what each may list: every group's (a grant
// on anything — the RVT) or one resort's subtree (the resort leader's grant on the resort). The page
// asks for everything first and, when that is refused, for the resorts the viewer leads; a refusal
// of both is the page's 403 in words. No rule is decided here: each list is the server's answer.
import { getGroupTree } from '~/domains/group/group.functions'
import type { GroupTreeNode } from '~/domains/group/group.schema'
import { getUserMemberships } from '~/domains/membership/membership.functions'
import { requireLogin } from '~/domains/user/profile-route'
import { byHungarian } from '~/shared/hungarian-order'
import { statusOf } from '~/shared/public-error'

export type Resort = { id: number; name: string }

export type ReviewScope<T> =
  | { kind: 'all'; data: T }
  | { kind: 'resort'; resortId: number; data: T }
  | { kind: 'denied' }

/** The call's answer, or null when the server refused it (403). */
async function unlessForbidden<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call
  } catch (error) {
    if (statusOf(error) === 403) return null
    throw error
  }
}

/** The reviewers' pages are for logged-in users: the login page first, then the user's id. */
export function reviewerContext(context: { user: { id: number } | null }, returnTo: string) {
  requireLogin(context.user, returnTo)
  // requireLogin has thrown for a visitor; this narrows the type for the loader.
  if (!context.user) throw new Error('unreachable')
  return { userId: context.user.id }
}

/** The resorts the user leads now (a RESORT_LEADER post in a membership that lasts). */
async function ledResorts(userId: number): Promise<Resort[]> {
  const memberships = await getUserMemberships({ data: { userId } })
  return memberships
    .filter((m) => m.status !== 'FORMER' && m.posts.some((p) => p.kind === 'RESORT_LEADER'))
    .map((m) => m.group)
}

/** The resorts of the group tree (for the council's resort filter), by name. */
function treeResorts(tree: GroupTreeNode[]): Resort[] {
  const found: Resort[] = []
  const walk = (nodes: GroupTreeNode[]) => {
    for (const node of nodes) {
      if (node.purpose === 'RESORT' && !node.archived) found.push({ id: node.id, name: node.name })
      walk(node.children)
    }
  }
  walk(tree)
  return found.sort((a, b) => byHungarian(a.name, b.name))
}

/**
 * Everything when the server lets the viewer list everything (then `resortId` narrows it to one
 * resort); else the resort asked for or — none asked — the first resort the viewer leads. With the
 * resorts the viewer may pick from: every resort for the council, the led ones for a resort leader.
 */
export async function reviewScope<T>(options: {
  userId: number
  resortId: number | undefined
  all: () => Promise<T>
  ofResort: (resortId: number) => Promise<T>
}): Promise<{ scope: ReviewScope<T>; council: boolean; resorts: Resort[] }> {
  const { userId, resortId, all, ofResort } = options
  const [led, everything] = await Promise.all([ledResorts(userId), unlessForbidden(all())])
  const council = everything !== null
  const resorts = council ? treeResorts(await getGroupTree()) : led
  const answer = (scope: ReviewScope<T>) => ({ scope, council, resorts })
  if (everything !== null && resortId === undefined) return answer({ kind: 'all', data: everything })
  const id = resortId ?? led[0]?.id
  if (id === undefined) return answer({ kind: 'denied' })
  const data = await unlessForbidden(ofResort(id))
  return answer(data === null ? { kind: 'denied' } : { kind: 'resort', resortId: id, data })
}
