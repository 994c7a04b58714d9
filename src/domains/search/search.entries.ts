// What each search entry point requires (src/server/auth/entry-point.ts). Hidden profile fields
// match only for viewers the guard answers `user:view-profile` for.
import { entryPoints, requires } from '~/server/auth/entry-point'
import { SearchInput } from './search.schema'

export const searchEntries = entryPoints('search', {
  everything: requires('user:view-basic', SearchInput, undefined, {
    reveal: ['user:view-profile'],
    search: true,
  }),
  groups: requires('group:view', SearchInput, undefined, { search: true }),
  /** People only (the user pickers): the same ranking and the same hidden-field rule. */
  people: requires('user:view-basic', SearchInput, undefined, {
    reveal: ['user:view-profile'],
    search: true,
  }),
})
