// The entry points `pnpm bench` drives: the server functions a browser calls when a logged-in user
// navigates to the page (src/routes/*: the loaders call exactly these), each with the floor that
// answers the same data (tests/bench/floor/reads.ts, cell-save.ts; the path is the entry's name).
import type { ServerFnRef } from './server-fn'

export interface BenchEntry {
  name: string
  label: string
  kind: 'read' | 'write'
  fn: ServerFnRef
}

const fn = (file: string, name: string, method: 'GET' | 'POST' = 'GET'): ServerFnRef => ({
  file: `src/domains/${file}.functions.ts`,
  name,
  method,
})

export const ENTRIES = [
  { name: 'directory', label: 'group directory', kind: 'read', fn: fn('group/group', 'listGroups') },
  { name: 'group', label: 'group page', kind: 'read', fn: fn('group/group', 'getGroup') },
  {
    name: 'roster',
    label: "group page's members",
    kind: 'read',
    fn: fn('membership/membership', 'getRoster'),
  },
  { name: 'profile', label: 'profile', kind: 'read', fn: fn('user/profile', 'getProfile') },
  {
    name: 'profileGroups',
    label: "profile's groups",
    kind: 'read',
    fn: fn('membership/membership', 'getUserMemberships'),
  },
  { name: 'search', label: 'search', kind: 'read', fn: fn('search/search', 'searchEverything') },
  {
    name: 'pointTable',
    label: 'point table (largest group)',
    kind: 'read',
    fn: fn('evaluation/evaluation', 'getEvaluation'),
  },
  {
    name: 'reviews',
    label: "reviewers' list",
    kind: 'read',
    fn: fn('evaluation/evaluation', 'listEvaluations'),
  },
  {
    name: 'cellSave',
    label: 'point cell save',
    kind: 'write',
    fn: fn('evaluation/evaluation', 'setPointCell', 'POST'),
  },
] as const satisfies readonly BenchEntry[]

export type EntryName = (typeof ENTRIES)[number]['name']
