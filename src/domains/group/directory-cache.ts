// The group directory as last built, per realm and view (docs/decisions/0027). Every student's
// directory shows the same list, and rebuilding it (every group with its parent and its recent
// evaluations) was the mixed load's largest cost (issue 8). An entry serves while the realm's
// DirectoryVersion — bumped by triggers on every write that changes the list — and the current
// semester are those it was built at, and until the first moment time alone changes it.
import type { SemesterId } from '../semester/semester-id'
import type { GroupSummary } from './group.schema'

/** What an entry was built at; a request compares its own reading with it. */
export interface DirectoryStamp {
  version: number
  semester: SemesterId
}

interface Entry extends DirectoryStamp {
  /** Epoch ms from which the list may differ without any write (a group turns a year old). */
  validUntil: number
  groups: readonly GroupSummary[]
}

/** One per process (a singleton in the container); keys name the realm, so realms never mix. */
export class DirectoryCache {
  private readonly entries = new Map<string, Entry>()

  get(key: string, stamp: DirectoryStamp, now: Date): readonly GroupSummary[] | undefined {
    const entry = this.entries.get(key)
    if (!entry || entry.version !== stamp.version || entry.semester !== stamp.semester) return undefined
    return now.getTime() < entry.validUntil ? entry.groups : undefined
  }

  /** Keeps `groups` frozen: every later caller gets this very list. */
  set(
    key: string,
    stamp: DirectoryStamp,
    validUntil: number,
    groups: GroupSummary[],
  ): readonly GroupSummary[] {
    for (const group of groups) Object.freeze(group)
    const frozen = Object.freeze(groups)
    this.entries.set(key, { ...stamp, validUntil, groups: frozen })
    return frozen
  }
}
