// Group search in memory. A realm has a few hundred groups, and SQL has no accent folding here
// (no `unaccent`), while `contains` + `mode: insensitive` would miss `kulturalis` → `Kulturális`,
// which Hungarian group names are full of. So the names are loaded and normalised like the people's
// search text (docs/decisions/0009-people-search.md).
import { normalizeForSearch } from '~/domains/user/search-text'
import { byHungarian } from '~/shared/hungarian-order'
import type { GroupHit } from './search.schema'
import type { SearchTerm } from './search-terms'

/** 0 exact name, 1 every word starts a word of the name, 2 every word somewhere in it. */
function tierOf(name: string, phrase: string, words: readonly string[]): number | null {
  if (!words.every((w) => name.includes(w))) return null
  if (name === phrase) return 0
  const spaced = ` ${name}`
  return words.every((w) => spaced.includes(` ${w}`)) ? 1 : 2
}

/** The groups whose name holds every word: best tier first, then active before archived, then by name. */
export function matchGroups(groups: readonly GroupHit[], terms: readonly SearchTerm[]): GroupHit[] {
  if (terms.length === 0) return []
  const words = terms.map((t) => t.word)
  const phrase = words.join(' ')
  return groups
    .map((group) => ({ group, tier: tierOf(normalizeForSearch(group.name), phrase, words) }))
    .filter((m): m is { group: GroupHit; tier: number } => m.tier !== null)
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        Number(a.group.archived) - Number(b.group.archived) ||
        byHungarian(a.group.name, b.group.name) ||
        a.group.id - b.group.id,
    )
    .map((m) => m.group)
}
