// The search box against the real database: every word must match, accents and case do not
// matter, hidden fields match only for viewers who may see them, the ranking, pagination, groups,
// bad input, and the raw people query staying in its realm. Every test searches for words of its
// own (random tokens), so rows of other test files sharing the database never interfere.
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SearchInput, type SearchQuery } from '~/domains/search/search.schema'
import { SearchService } from '~/domains/search/search.service'
import { searchTextOf } from '~/domains/user/search-text'
import type { Actor } from '~/server/auth/actor'
import { requestContainer } from '~/server/di/request-scope'
import { ValidationError } from '~/server/errors'
import { appRouter } from '~/server/trpc/app-router'
import { createCallerFactory } from '~/server/trpc/init'
import { parseInput } from '~/server/validate'
import { createGroup, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'
import { idBlock } from '../support/ids'
import { grantScopes } from '../support/policies'
import { loginToken } from '../support/sessions'

const t = createTestApp()
afterAll(t.close)

const DAY = 86_400_000
let serial = 0

/** A word no other row in the shared database contains. */
function token(): string {
  const letters = Array.from({ length: 9 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)))
  return `zq${letters.join('')}`
}

interface PersonOptions {
  realmId?: string
  id?: number
  lastName: string
  firstName?: string
  nickname?: string | null
  screenName?: string | null
  email?: string | null
  emailPublic?: boolean
  room?: string | null
  roomPublic?: boolean
  cellPhone?: string | null
  cellPhonePublic?: boolean
  lastLoginAt?: Date | null
  /** Every ranked field filled in and public. */
  complete?: boolean
  disabled?: boolean
}

/** A registered user with a profile and the search text the profile service would store. */
async function person(o: PersonOptions) {
  const realmId = o.realmId ?? 'hub'
  const firstName = o.firstName ?? 'Teszt'
  const screenName =
    o.screenName === undefined ? `u${Date.now().toString(36)}${(serial++).toString(36)}` : o.screenName
  const fields = {
    displayName: `${o.lastName} ${firstName}`,
    screenName,
    email: o.email ?? null,
    firstName,
    lastName: o.lastName,
    nickname: o.nickname ?? null,
    room: o.room ?? null,
    emailPublic: o.emailPublic ?? false,
    roomPublic: o.roomPublic ?? true,
  }
  const complete = o.complete
    ? {
        photoKey: 'photos/x.webp',
        nickname: 'Becenév',
        dormitory: 'SCHONHERZ' as const,
        room: '1001',
        roomPublic: true,
        cellPhone: '+36301112233',
        cellPhonePublic: true,
        webpage: 'https://pek.example',
        homeAddress: 'Budapest',
        homeAddressPublic: true,
        dateOfBirth: new Date('2003-04-05'),
        dateOfBirthPublic: true,
        emailPublic: true,
      }
    : {}
  return t.db.user.create({
    data: {
      id: o.id,
      realmId,
      subject: `search-${token()}`,
      displayName: fields.displayName,
      email: o.complete ? `${token()}@pek.example` : fields.email,
      screenName,
      screenNameKey: screenName?.toLowerCase() ?? null,
      disabled: o.disabled ?? false,
      lastLoginAt: o.lastLoginAt === undefined ? new Date(Date.now() - 365 * DAY) : o.lastLoginAt,
      profile: {
        create: {
          firstName,
          lastName: o.lastName,
          nickname: fields.nickname,
          room: fields.room,
          roomPublic: fields.roomPublic,
          emailPublic: fields.emailPublic,
          cellPhone: o.cellPhone ?? null,
          cellPhonePublic: o.cellPhonePublic ?? false,
          ...complete,
          ...searchTextOf(fields),
        },
      },
    },
  })
}

const anonymous: Actor = { kind: 'anonymous' }
const service = () => requestContainer(t.app, anonymous, 'search-test').resolve(SearchService)
const query = (q: string, page = 1): SearchQuery => ({ q, page })
const people = async (q: string, full = false, page = 1) => {
  const result = await service().everything(query(q, page), { full })
  if (!result.people) throw new Error('people missing')
  return result.people
}
const namesOf = async (q: string, full = false) => (await people(q, full)).hits.map((h) => h.displayName)

describe('matching people', () => {
  it('needs every word of the query to match', async () => {
    const tok = token()
    await person({ lastName: tok, firstName: 'Alfréd' })
    await person({ lastName: tok, firstName: 'Béla' })
    expect((await namesOf(tok)).sort()).toEqual([`${tok} Alfréd`, `${tok} Béla`])
    expect(await namesOf(`${tok} alfred`)).toEqual([`${tok} Alfréd`])
    expect(await namesOf(`alfred ${tok}`)).toEqual([`${tok} Alfréd`])
    expect(await namesOf(`${tok} alfred bela`)).toEqual([])
  })

  it('ignores accents and case on both sides: szabo, SZABÓ and Szabó find Szabó', async () => {
    const tok = token()
    await person({ lastName: 'Szabó', firstName: tok })
    for (const q of [`szabo ${tok}`, `SZABÓ ${tok.toUpperCase()}`, `Szabó ${tok}`, `  szabó   ${tok}  `]) {
      expect(await namesOf(q), q).toEqual([`Szabó ${tok}`])
    }
    // An accent the stored name does not have does not matter either.
    expect(await namesOf(`Szábo ${tok}`)).toEqual([`Szabó ${tok}`])
  })

  it('matches nickname, screen name, public e-mail and public room', async () => {
    const tok = token()
    const nick = token()
    const mail = token()
    const room = token()
    const screenName = `${token()}X`
    await person({
      lastName: tok,
      nickname: `${nick}ka`,
      screenName,
      email: `${mail}@pek.example`,
      emailPublic: true,
      room,
      roomPublic: true,
    })
    for (const q of [nick, screenName.toLowerCase(), `${mail}@pek`, room]) {
      expect(await namesOf(q), q).toEqual([`${tok} Teszt`])
    }
  })

  it('treats % and _ in the query as plain characters', async () => {
    const tok = token()
    await person({ lastName: tok })
    expect(await namesOf(`${tok}%`)).toEqual([])
    expect(await namesOf(`${tok.slice(0, -1)}_`)).toEqual([])
    expect(await namesOf(`%${tok.slice(2)}`)).toEqual([])
    expect(await namesOf(`${tok}'; DROP TABLE "User"; --`)).toEqual([])
    expect(await namesOf(tok)).toEqual([`${tok} Teszt`])
  })

  it('leaves out disabled accounts and users who have not registered yet', async () => {
    const tok = token()
    await person({ lastName: tok, firstName: 'Aktív' })
    await person({ lastName: tok, firstName: 'Letiltott', disabled: true })
    await person({ lastName: tok, firstName: 'Új', screenName: null })
    expect(await namesOf(tok)).toEqual([`${tok} Aktív`])
  })
})

describe('hidden fields', () => {
  const tok = token()
  const mail = token()
  const room = token()
  const phone = `+3670${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`
  const local = phone.slice(5)

  beforeAll(async () => {
    await person({
      lastName: tok,
      email: `${mail}@pek.example`,
      emailPublic: false,
      room,
      roomPublic: false,
      cellPhone: phone,
      cellPhonePublic: false,
    })
  })

  it('do not match for a viewer who may not see them', async () => {
    expect(await namesOf(mail)).toEqual([])
    expect(await namesOf(room)).toEqual([])
    expect(await namesOf(`70${local}`)).toEqual([])
  })

  it('match for a viewer with the full profile permission, who also sees the room', async () => {
    expect(await namesOf(mail, true)).toEqual([`${tok} Teszt`])
    expect(await namesOf(room, true)).toEqual([`${tok} Teszt`])
    expect(await namesOf(`70${local}`, true)).toEqual([`${tok} Teszt`])
    expect((await people(tok, true)).hits[0]?.room).toBe(room)
  })

  it('are left out of the hits of a viewer who may not see them', async () => {
    const [hit] = (await people(tok)).hits
    expect(hit).toMatchObject({ displayName: `${tok} Teszt`, room: null, nickname: null })
    expect(hit?.photoUrl).toBe(`/api/users/${hit?.userId}/photo`)
    expect(JSON.stringify(hit)).not.toContain(mail)
  })
})

describe('phone numbers', () => {
  const tok = token()
  const digits = String(Math.floor(1_000_000 + Math.random() * 8_999_999))

  beforeAll(async () => {
    await person({ lastName: tok, cellPhone: `+36 20 ${digits}`, cellPhonePublic: true })
  })

  it('match from 8 digits on, in any common notation', async () => {
    for (const q of [
      `20${digits}`,
      `+3620${digits}`,
      `0620${digits}`,
      `20-${digits.slice(0, 3)}-${digits.slice(3)}`,
    ]) {
      expect(await namesOf(q), q).toEqual([`${tok} Teszt`])
    }
  })

  it('do not match with fewer than 8 digits, however the query is padded', async () => {
    expect(await namesOf(digits)).toEqual([])
    expect(await namesOf(`${digits.slice(0, 3)}-${digits.slice(3)}`)).toEqual([])
    expect(await namesOf(`+36-${digits.slice(0, 5)}`)).toEqual([])
    expect(await namesOf(`36${digits.slice(0, 6)}`)).toEqual([])
    expect(await namesOf(`0620${digits.slice(0, 5)}`)).toEqual([])
  })

  it('combine with name words, every word still has to match', async () => {
    expect(await namesOf(`${tok} 20${digits}`)).toEqual([`${tok} Teszt`])
    expect(await namesOf(`${token()} 20${digits}`)).toEqual([])
  })
})

describe('ranking', () => {
  it('puts the exact screen name first, then whole words, then prefixes, then anywhere', async () => {
    const tok = token()
    const now = new Date()
    // Created worst first with the best score, so neither id order nor score can explain the result.
    const anywhere = await person({ lastName: `x${tok}`, complete: true, lastLoginAt: now })
    const prefix = await person({ lastName: `${tok}ka`, complete: true, lastLoginAt: now })
    const whole = await person({ lastName: tok, complete: true, lastLoginAt: now })
    const screen = await person({ lastName: 'Valaki', screenName: tok, lastLoginAt: null })
    const hits = (await people(tok)).hits.map((h) => h.userId)
    expect(hits).toEqual([screen.id, whole.id, prefix.id, anywhere.id])
  })

  it('favours recently active and complete profiles among equal matches, then the lower id', async () => {
    const tok = token()
    const stale = new Date(Date.now() - 2 * 365 * DAY)
    const staleEmpty = await person({ lastName: tok, lastLoginAt: stale })
    const neverEmpty = await person({ lastName: tok, lastLoginAt: null })
    const recentEmpty = await person({ lastName: tok, lastLoginAt: new Date() })
    const staleComplete = await person({ lastName: tok, lastLoginAt: stale, complete: true })
    const recentComplete = await person({ lastName: tok, lastLoginAt: new Date(), complete: true })
    const twin = await person({ lastName: tok, lastLoginAt: stale })
    const hits = (await people(tok)).hits.map((h) => h.userId)
    expect(hits[0]).toBe(recentComplete.id)
    expect(hits.slice(1, 3).sort()).toEqual([recentEmpty.id, staleComplete.id].sort())
    // Same score: the lower id first, every time.
    expect(hits.slice(3)).toEqual([staleEmpty.id, twin.id, neverEmpty.id])
  })

  it('counts only the fields this viewer may see towards completeness', async () => {
    const tok = token()
    const login = new Date(Date.now() - 10 * DAY)
    const open = await person({ lastName: tok, lastLoginAt: login, room: '101', roomPublic: true })
    const hidden = await person({
      lastName: tok,
      lastLoginAt: login,
      room: '102',
      roomPublic: false,
      cellPhone: '+36301234567',
      email: 'rejtett@pek.example',
    })
    expect((await people(tok)).hits.map((h) => h.userId)).toEqual([open.id, hidden.id])
    expect((await people(tok, true)).hits.map((h) => h.userId)).toEqual([hidden.id, open.id])
  })
})

describe('pagination', () => {
  const tok = token()
  beforeAll(async () => {
    for (let i = 0; i < 23; i++) await person({ lastName: tok, firstName: `Tag${i}` })
  })

  it('serves 20 hits a page with the total on every page, past the end too', async () => {
    const [first, second, third] = await Promise.all([
      people(tok, false, 1),
      people(tok, false, 2),
      people(tok, false, 3),
    ])
    expect([first.total, second.total, third.total]).toEqual([23, 23, 23])
    expect([first.hits.length, second.hits.length, third.hits.length]).toEqual([20, 3, 0])
    const ids = [...first.hits, ...second.hits].map((h) => h.userId)
    expect(new Set(ids).size).toBe(23)
  })

  it('reports the page and page size it answered', async () => {
    const result = await service().everything(query(tok, 2), { full: false })
    expect(result).toMatchObject({ q: tok, page: 2, pageSize: 20 })
  })
})

describe('groups', () => {
  const tok = token()
  beforeAll(async () => {
    await createGroup(t.db, 'hub', { name: `x${tok} Kulturális Kör` })
    await createGroup(t.db, 'hub', { name: `${tok} Kulturális Kör`, archived: true })
    await createGroup(t.db, 'hub', { name: `${tok}` })
    await createGroup(t.db, 'hub', { name: `${tok} Közösségi Kör` })
  })

  it('match every word of the name, ignoring accents and case', async () => {
    const result = await service().groups(query(`KULTURALIS ${tok}`))
    expect(result.people).toBeNull()
    expect(result.groups.hits.map((g) => g.name)).toEqual([`${tok} Kulturális Kör`, `x${tok} Kulturális Kör`])
    expect(result.groups.hits[0]).toMatchObject({ archived: true, purpose: 'CIRCLE' })
    expect((await service().groups(query(`kozossegi ${tok}`))).groups.total).toBe(1)
  })

  it('rank the exact name first, then prefixes (active before archived), then anywhere', async () => {
    const result = await service().everything(query(tok), { full: false })
    expect(result.groups.hits.map((g) => g.name)).toEqual([
      tok,
      `${tok} Közösségi Kör`,
      `${tok} Kulturális Kör`,
      `x${tok} Kulturális Kör`,
    ])
    expect(result.groups.total).toBe(4)
  })
})

describe('through the guard (tRPC, the same guard and schema as the server functions)', () => {
  const caller = (app = t.app, token?: string) =>
    createCallerFactory(appRouter)({ app, token, requestId: 'search-test' })
  const tok = token()
  const mail = token()
  let viewerId: number
  let adminId: number

  beforeAll(async () => {
    await person({ lastName: tok, email: `${mail}@pek.example`, emailPublic: false })
    viewerId = (await person({ lastName: token() })).id
    adminId = (await person({ lastName: token() })).id
  })

  it('search hidden fields only for a holder of user:view-profile', async () => {
    const viewer = (await loginToken(t, viewerId)).token
    const admin = (await loginToken(t, adminId)).token
    expect((await caller(t.app, viewer).search.everything({ q: mail })).people?.total).toBe(0)
    // The same user before holding the permission is a normal viewer; the grant shows at once.
    expect((await caller(t.app, admin).search.everything({ q: mail })).people?.total).toBe(0)
    await grantScopes(t.db, adminId, ['user:view-profile'])
    const found = await caller(t.app, admin).search.everything({ q: mail })
    expect(found.people?.hits.map((h) => h.displayName)).toEqual([`${tok} Teszt`])
  })

  it('ask a visitor to log in for people, and serve groups to everyone', async () => {
    const error = await caller()
      .search.everything({ q: tok })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('UNAUTHORIZED')
    expect((await caller().search.groups({ q: tok })).people).toBeNull()
  })

  it('refuse bad input with field messages', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ q: '' }, 'q'],
      [{ q: '   ' }, 'q'],
      [{ q: 'x'.repeat(101) }, 'q'],
      [{}, 'q'],
      [{ q: 'anna', page: 0 }, 'page'],
      [{ q: 'anna', page: 'x' }, 'page'],
      [{ q: 'anna', page: 2.5 }, 'page'],
      [{ q: 'anna', page: 501 }, 'page'],
    ]
    for (const [input, field] of bad) {
      const label = JSON.stringify(input)
      expect(() => parseInput(SearchInput, input), label).toThrow(ValidationError)
      try {
        parseInput(SearchInput, input)
      } catch (error) {
        expect(Object.keys((error as ValidationError).fields), label).toEqual([field])
      }
      const answer = await caller()
        .search.groups(input as { q: string })
        .catch((e: unknown) => e)
      expect((answer as TRPCError).code, label).toBe('BAD_REQUEST')
    }
    expect(parseInput(SearchInput, { q: ` ${'x'.repeat(100)} `, page: '3' })).toEqual({
      q: 'x'.repeat(100),
      page: 3,
    })
  })
})

describe('realm isolation of the raw people query', () => {
  const OTHER = 'search-isolation-other'
  const id = idBlock(10)
  const tok = token()
  const shared = id(0)
  const otherOnly = id(1)
  const hubWithoutProfile = id(2)

  beforeAll(async () => {
    await ensureRealm(t.db, OTHER)
    // The same id in both realms, and rows only the other realm has.
    await person({ realmId: 'hub', id: shared, lastName: tok, firstName: 'Hub' })
    await person({ realmId: OTHER, id: shared, lastName: tok, firstName: 'Other' })
    await person({ realmId: OTHER, id: otherOnly, lastName: tok, firstName: 'Other' })
    // A hub user whose id has a profile only in the other realm: a join without the realm would pair them.
    await t.db.user.create({
      data: {
        id: hubWithoutProfile,
        realmId: 'hub',
        subject: `search-${tok}`,
        displayName: 'Hub Profil Nélkül',
        screenName: `${tok}np`,
        screenNameKey: `${tok}np`,
      },
    })
    await person({ realmId: OTHER, id: hubWithoutProfile, lastName: tok, firstName: 'Other' })
  })

  it('never returns or counts another realm’s people, for either search text', async () => {
    for (const full of [false, true]) {
      const found = await people(tok, full)
      expect(found.total).toBe(1)
      expect(found.hits).toEqual([expect.objectContaining({ userId: shared, displayName: `${tok} Hub` })])
      expect(await people(`${tok} other`, full)).toEqual({ total: 0, hits: [] })
    }
    expect((await people(tok, false, 2)).total).toBe(1)
  })
})
