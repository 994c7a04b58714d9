// The people search in SQL (docs/decisions/0009-people-search.md). Raw because the ranking needs
// expressions Prisma's query API cannot order by. Every value is a bound parameter; the only
// fragments spliced in are the fixed column choices below. The realm guard does not see raw
// queries, so both tables name the realm here themselves.
import { Prisma } from '~/generated/prisma/client'
import type { SearchTerm } from './search-terms'

export interface PeopleQueryInput {
  realmId: string
  terms: readonly SearchTerm[]
  /** The whole query lower-cased, for an exact screen-name match (screen names may carry accents). */
  screenNameKeys: readonly string[]
  /** The viewer may see hidden fields: match and rank on all of them. */
  full: boolean
  /** Seconds since the epoch: "recently active" is measured from here. */
  nowSeconds: number
  limit: number
  offset: number
}

export interface PersonRow {
  userId: number
  displayName: string
  screenName: string
  nickname: string | null
  room: string | null
}

const ALL = Prisma.sql`TRUE`

/** The score's weights: activity counts more than completeness, both stay within 0..1. */
const RECENCY_WEIGHT = 0.6
const COMPLETENESS_WEIGHT = 0.4
/** After this many days without a login, recency has halved. */
const RECENCY_HALF_DAYS = 30
const SECONDS_PER_DAY = 86_400

/** A hidden field counts (for matching, ranking or output) only for a viewer who may see it. */
const visible = (publicSwitch: Prisma.Sql, full: boolean) => (full ? ALL : publicSwitch)

/** The stored cell phone number's digits without the +36 / 06 prefix (see phoneDigitsOf). */
const PHONE_DIGITS = Prisma.sql`regexp_replace(regexp_replace(coalesce(p."cellPhone", ''), '[^0-9]', '', 'g'), '^(36|06)', '')`

function wordMatches(term: SearchTerm, text: Prisma.Sql, full: boolean): Prisma.Sql {
  const inText = Prisma.sql`${text} LIKE ${term.contains}`
  if (term.phoneDigits === null) return inText
  const phone = Prisma.sql`(${visible(Prisma.sql`p."cellPhonePublic"`, full)} AND ${PHONE_DIGITS} LIKE ${`%${term.phoneDigits}%`})`
  return Prisma.sql`(${inText} OR ${phone})`
}

const every = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, ' AND ') : ALL)

/** 0 exact screen name, 1 every word a whole word, 2 every word a word prefix, 3 anywhere. */
function tier(input: PeopleQueryInput, text: Prisma.Sql): Prisma.Sql {
  const spaced = Prisma.sql`(' ' || ${text} || ' ')`
  const whole = every(input.terms.map((t) => Prisma.sql`${spaced} LIKE ${t.whole}`))
  const prefix = every(input.terms.map((t) => Prisma.sql`${spaced} LIKE ${t.prefix}`))
  return Prisma.sql`CASE
    WHEN u."screenNameKey" IN (${Prisma.join([...input.screenNameKeys])}) THEN 0
    WHEN ${whole} THEN 1
    WHEN ${prefix} THEN 2
    ELSE 3 END`
}

/** How many of the profile's fields are filled in, out of those this viewer may see. */
function filledFields(full: boolean): { count: Prisma.Sql; of: number } {
  const filled = (value: Prisma.Sql) => Prisma.sql`(coalesce(${value}, '') <> '')`
  const fields = [
    Prisma.sql`(p."photoKey" IS NOT NULL)`,
    filled(Prisma.sql`p.nickname`),
    Prisma.sql`(p.dormitory <> 'UNKNOWN')`,
    Prisma.sql`(${filled(Prisma.sql`p.room`)} AND ${visible(Prisma.sql`p."roomPublic"`, full)})`,
    Prisma.sql`(${filled(Prisma.sql`u.email`)} AND ${visible(Prisma.sql`p."emailPublic"`, full)})`,
    Prisma.sql`(${filled(Prisma.sql`p."cellPhone"`)} AND ${visible(Prisma.sql`p."cellPhonePublic"`, full)})`,
    Prisma.sql`(${filled(Prisma.sql`p.webpage`)} AND ${visible(Prisma.sql`p."webpagePublic"`, full)})`,
    Prisma.sql`(${filled(Prisma.sql`p."homeAddress"`)} AND ${visible(Prisma.sql`p."homeAddressPublic"`, full)})`,
    Prisma.sql`(p."dateOfBirth" IS NOT NULL AND ${visible(Prisma.sql`p."dateOfBirthPublic"`, full)})`,
  ]
  return {
    count: Prisma.join(
      fields.map((f) => Prisma.sql`${f}::int`),
      ' + ',
    ),
    of: fields.length,
  }
}

function score(input: PeopleQueryInput): Prisma.Sql {
  const ageDays = Prisma.sql`greatest(${input.nowSeconds}::float8 - extract(epoch FROM u."lastLoginAt"), 0) / ${SECONDS_PER_DAY}`
  // Not coalesce: greatest() skips a NULL, which would make "never logged in" count as "just now".
  const recency = Prisma.sql`CASE WHEN u."lastLoginAt" IS NULL THEN 0 ELSE 1.0 / (1.0 + (${ageDays}) / ${RECENCY_HALF_DAYS}) END`
  const { count, of } = filledFields(input.full)
  return Prisma.sql`(${RECENCY_WEIGHT} * ${recency} + ${COMPLETENESS_WEIGHT} * (${count})::float8 / ${of})`
}

// A fixed choice, never taken from input: searchFull holds the hidden fields too.
const searchColumn = (full: boolean) => (full ? Prisma.sql`p."searchFull"` : Prisma.sql`p."searchPublic"`)

/** The rows of the people a query matches; the caller decides what a row may show. */
function fromMatches(input: PeopleQueryInput): Prisma.Sql {
  const text = searchColumn(input.full)
  const matches = every(input.terms.map((t) => wordMatches(t, text, input.full)))
  return Prisma.sql`FROM "Profile" p
    JOIN "User" u ON u.id = p."userId" AND u."realmId" = p."realmId"
    WHERE p."realmId" = ${input.realmId} AND u."realmId" = ${input.realmId}
      AND NOT u.disabled AND u."screenName" IS NOT NULL
      AND ${matches}`
}

/**
 * The total of all matches and one page of them, best first, in one statement: the matches are
 * scanned once and ranked once (a CTE), then counted, and the page is a top-N sort of them. Not
 * `count(*) OVER ()`, which made PostgreSQL sort every match in full (docs/decisions/0009): two
 * statements did that scan twice, half of the search's database time (docs/performance.md, fix 29).
 */
export function peopleSearchSql(input: PeopleQueryInput): Prisma.Sql {
  return Prisma.sql`WITH matches AS MATERIALIZED (
      SELECT u.id AS "userId", u."displayName", u."screenName", p.nickname,
        CASE WHEN ${visible(Prisma.sql`p."roomPublic"`, input.full)} THEN p.room END AS room,
        ${tier(input, searchColumn(input.full))} AS tier, ${score(input)} AS score
      ${fromMatches(input)})
    SELECT (SELECT count(*)::int FROM matches) AS total,
      COALESCE((
        SELECT json_agg(json_build_object('userId', "userId", 'displayName', "displayName",
            'screenName', "screenName", 'nickname', nickname, 'room', room) ORDER BY tier, score DESC, "userId")
        FROM (SELECT * FROM matches ORDER BY tier, score DESC, "userId"
          LIMIT ${input.limit} OFFSET ${input.offset}) page), '[]'::json) AS hits`
}
