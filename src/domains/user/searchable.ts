// Every write that changes a searched field stores the search text in the same transaction
// (src/domains/user/search-text.ts). This is what such a write reads back to compute it.
import { searchTextOf } from './search-text'

/** A `select` on User with every input of searchTextOf (the whole profile, so new inputs need no edit here). */
export const SEARCHABLE_USER = {
  displayName: true,
  screenName: true,
  email: true,
  profile: true,
} as const

type SearchableUser = {
  displayName: string
  screenName: string | null
  email: string | null
  profile: Omit<Parameters<typeof searchTextOf>[0], 'displayName' | 'screenName' | 'email'> | null
}

/** The search columns for a user read with SEARCHABLE_USER. */
export function searchableOf(user: SearchableUser): ReturnType<typeof searchTextOf> {
  if (!user.profile) throw new Error('user without a profile')
  return searchTextOf({ ...user.profile, ...user })
}
