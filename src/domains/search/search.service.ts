import { inject, injectable } from 'tsyringe'
import { userPhotoUrl } from '~/domains/user/photo-url'
import { screenNameKey } from '~/domains/user/registration.schema'
import { normalizeForSearch } from '~/domains/user/search-text'
import { Prisma } from '~/generated/prisma/client'
import type { Sql } from '~/server/db/sql'
import { CLOCK, type Clock, REALM_ID, SQL } from '~/server/di/tokens'
import { matchGroups } from './group-match'
import { type PersonRow, peopleSearchSql } from './people-query'
import {
  GroupHit,
  type GroupPage,
  type PeoplePage,
  SEARCH_PAGE_SIZE,
  type SearchQuery,
  SearchResult,
} from './search.schema'
import { type SearchTerm, searchTerms } from './search-terms'

export interface PeopleSearchOptions {
  /** The viewer may see hidden fields (`user:view-profile`): they match, rank and show. */
  full: boolean
}

/** The one search box: people (ranked in SQL) and groups (matched by name). Reads without Prisma (fix 25). */
@injectable()
export class SearchService {
  constructor(
    @inject(SQL) private readonly sql: Sql,
    @inject(REALM_ID) private readonly realmId: string,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** People and groups, for a viewer who may search people. */
  async everything(query: SearchQuery, options: PeopleSearchOptions): Promise<SearchResult> {
    const terms = searchTerms(query.q)
    const [people, groups] = await Promise.all([
      this.people(query, terms, options),
      this.groupPage(query, terms),
    ])
    return SearchResult.parse({ ...this.header(query), people, groups })
  }

  /** Groups only: what a visitor who may not search people gets. */
  async groups(query: SearchQuery): Promise<SearchResult> {
    const groups = await this.groupPage(query, searchTerms(query.q))
    return SearchResult.parse({ ...this.header(query), people: null, groups })
  }

  /** One page of people and nothing else: what a user picker offers. */
  async peopleOnly(query: SearchQuery, options: PeopleSearchOptions): Promise<PeoplePage> {
    return this.people(query, searchTerms(query.q), options)
  }

  private header(query: SearchQuery) {
    return { q: query.q, page: query.page, pageSize: SEARCH_PAGE_SIZE }
  }

  private async people(
    query: SearchQuery,
    terms: SearchTerm[],
    options: PeopleSearchOptions,
  ): Promise<PeoplePage> {
    if (terms.length === 0) return { total: 0, hits: [] }
    const input = {
      realmId: this.realmId,
      terms,
      screenNameKeys: [...new Set([screenNameKey(query.q), normalizeForSearch(query.q)])],
      full: options.full,
      nowSeconds: this.clock.now().getTime() / 1000,
      limit: SEARCH_PAGE_SIZE,
      offset: (query.page - 1) * SEARCH_PAGE_SIZE,
    }
    const [found] = await this.sql.rows<{ total: number; hits: PersonRow[] }>(peopleSearchSql(input))
    return {
      total: found?.total ?? 0,
      hits: (found?.hits ?? []).map((row) => ({ ...row, photoUrl: userPhotoUrl(row.userId) })),
    }
  }

  private async groupPage(query: SearchQuery, terms: SearchTerm[]): Promise<GroupPage> {
    if (terms.length === 0) return { total: 0, hits: [] }
    const groups = await this.sql.rows(Prisma.sql`
      SELECT id, name, purpose::text AS purpose, archived FROM "Group" WHERE "realmId" = ${this.realmId}`)
    const matches = matchGroups(GroupHit.array().parse(groups), terms)
    const start = (query.page - 1) * SEARCH_PAGE_SIZE
    return { total: matches.length, hits: matches.slice(start, start + SEARCH_PAGE_SIZE) }
  }
}
