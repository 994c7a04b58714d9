// For each row the examples name beside their target, a row of the same table that belongs to
// another target — another group's membership, evaluation, principle or post type, another user's
// notification or account, another policy's statement — and the example inputs with one such id
// swapped in.
import type { World } from './world'

interface Counterpart {
  /** The row of the other target. */
  id: number
  /** Whose it is, in words. */
  owner: string
}

export function counterparts(w: World): ReadonlyMap<number, Counterpart> {
  const group = 'group'
  const user = 'user'
  return new Map([
    [w.memberships.memberA, { id: w.memberships.other, owner: group }],
    [w.memberships.mover, { id: w.memberships.other, owner: group }],
    [w.evaluations.current, { id: w.evaluations.siblingCurrent, owner: group }],
    [w.evaluations.siblingCurrent, { id: w.evaluations.current, owner: group }],
    [w.principles.work, { id: w.principles.siblingPrevious, owner: group }],
    [w.principles.spare, { id: w.principles.siblingPrevious, owner: group }],
    [w.postTypes.custom, { id: w.postTypes.siblingCustom, owner: group }],
    [w.postTypes.deletable, { id: w.postTypes.siblingCustom, owner: group }],
    [w.notifications.unread, { id: w.notifications.others, owner: user }],
    [w.externalAccounts.main, { id: w.externalAccounts.others, owner: user }],
    [w.externalAccounts.removable, { id: w.externalAccounts.others, owner: user }],
    [w.statements.removable, { id: w.statements.outside, owner: 'policy' }],
  ])
}

export interface Variant {
  /** The field whose id was swapped. */
  field: string
  owner: string
  input: unknown
}

/** The input once per field naming a row with a counterpart, that id swapped for it. */
export function foreignVariants(w: World, input: unknown): Variant[] {
  if (typeof input !== 'object' || input === null || input instanceof FormData) return []
  const swaps = counterparts(w)
  return Object.entries(input).flatMap(([field, value]) => {
    const swap = typeof value === 'number' ? swaps.get(value) : undefined
    return swap ? [{ field, owner: swap.owner, input: { ...input, [field]: swap.id } }] : []
  })
}
