// The text the people search matches against, kept on the profile row by every write that changes
// a searched field. Accent-free and lower-case, so `szabo` finds `Szabó` through a plain trigram
// index (docs/decisions/0009-people-search.md). Hidden fields go only into `searchFull`.

/** Lower-case, without diacritics, single-spaced: the form both stored text and queries take. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export interface SearchableFields {
  displayName: string
  screenName: string | null
  email: string | null
  firstName: string
  lastName: string
  nickname: string | null
  room: string | null
  emailPublic: boolean
  roomPublic: boolean
}

export function searchTextOf(f: SearchableFields): { searchPublic: string; searchFull: string } {
  const always = [f.lastName, f.firstName, f.displayName, f.nickname, f.screenName]
  const join = (parts: (string | null)[]) => normalizeForSearch(parts.filter(Boolean).join(' '))
  return {
    searchPublic: join([...always, f.emailPublic ? f.email : null, f.roomPublic ? f.room : null]),
    searchFull: join([...always, f.email, f.room]),
  }
}
