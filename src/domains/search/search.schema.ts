import { z } from 'zod'
import { GroupPurposeSchema } from '~/domains/group/group.schema'
import { Text } from '~/shared/text'

export const SEARCH_PAGE_SIZE = 20
export const SEARCH_QUERY_MAX = 100
/** 500 pages of 20 reach the 10,000th hit; deeper OFFSETs only cost the database. */
export const SEARCH_PAGE_MAX = 500

/** A page number as a number or its decimal string (it arrives from the URL); "x", 0, 2.5 are a 400. */
const Page = z.union(
  [
    z.number().int().min(1).max(SEARCH_PAGE_MAX),
    z
      .string()
      .regex(/^[1-9][0-9]{0,3}$/, 'must be a page number')
      .transform(Number)
      .pipe(z.number().max(SEARCH_PAGE_MAX)),
  ],
  { error: 'must be a page number' },
)

export const SearchInput = z.object({
  q: Text.trim().min(1).max(SEARCH_QUERY_MAX),
  page: Page.default(1),
})
export type SearchInput = z.input<typeof SearchInput>
export type SearchQuery = z.output<typeof SearchInput>

export const PersonHit = z.object({
  userId: z.number(),
  displayName: z.string(),
  screenName: z.string(),
  nickname: z.string().nullable(),
  /** null when empty or hidden from this viewer. */
  room: z.string().nullable(),
  photoUrl: z.string(),
})
export type PersonHit = z.infer<typeof PersonHit>

export const GroupHit = z.object({
  id: z.number(),
  name: z.string(),
  purpose: GroupPurposeSchema,
  archived: z.boolean(),
})
export type GroupHit = z.infer<typeof GroupHit>

const pageOf = <T extends z.ZodType>(hit: T) => z.object({ total: z.number().int(), hits: z.array(hit) })

export const PeoplePage = pageOf(PersonHit)
export type PeoplePage = z.infer<typeof PeoplePage>
export const GroupPage = pageOf(GroupHit)
export type GroupPage = z.infer<typeof GroupPage>

/** One page of both sections; `people` is null for a viewer who may not search people. */
export const SearchResult = z.object({
  q: z.string(),
  page: z.number().int(),
  pageSize: z.number().int(),
  people: PeoplePage.nullable(),
  groups: GroupPage,
})
export type SearchResult = z.infer<typeof SearchResult>
