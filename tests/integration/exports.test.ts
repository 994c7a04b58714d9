// The CSV exports in a realm of their own: the file format for Hungarian Excel (BOM, `;`, CRLF,
// quoting of `;`, `"` and line breaks, formula-like text defused, Hungarian letters intact), each
// export's rows and columns, the quiet period rule (409 `not-quiet`), the semester the quiet period
// closed, and who may download (semester:admin on anything, decided as the routes' guard decides it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import { csvField, csvResponse, toCsv } from '~/domains/evaluation/csv'
import { exportEntries } from '~/domains/evaluation/exports.entries'
import { ExportService } from '~/domains/evaluation/exports.service'
import type { Period } from '~/domains/semester/semester.schema'
import { decide } from '~/server/auth/access'
import { ANONYMOUS } from '~/server/auth/actor'
import { ForbiddenError, InvalidStateError, UnauthenticatedError, ValidationError } from '~/server/errors'
import {
  createGroup,
  createMember,
  createUser,
  ensureRealm,
  ensureSharedPostTypes,
} from '../factories/records'
import { createTestApp } from '../support/app'
import { grantScopes, ROOT_POLICY } from '../support/policies'
import { setRealmPeriod } from '../support/semesters'

const stamp = Date.now().toString(36)
const REALM = `exports-${stamp}`
const t = createTestApp({ REALM_ID: REALM })
afterAll(t.close)

const CLOSED = '2025-2026/2'
const CURRENT = '2026-2027/1'
const exports = () => t.app.resolve(ExportService)
const BOM = '\uFEFF'

/** RFC 4180 records of a `;` file (quoted fields may hold `;`, `""` and line breaks). */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true)
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  const body = text.slice(1)
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ';') {
      record.push(field)
      field = ''
    } else if (ch === '\r' && body[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += ch
  }
  expect(field).toBe('')
  return records
}

const setPeriod = (period: Period) => setRealmPeriod(t, period, CURRENT)

let tricky: { id: number }
let plain: { id: number }
let g1: number
let g2: number

beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await ensureSharedPostTypes(t.db, REALM)
  await t.db.policy.create({ data: { realmId: REALM, name: ROOT_POLICY } })
  g1 = (await createGroup(t.db, REALM, { name: `Őrült Ügyek; "Kör" ${stamp}` })).id
  g2 = (await createGroup(t.db, REALM, { name: `Árvíztűrő ${stamp}` })).id
  const a = await createMember(t.db, REALM, { groupId: g1, history: ['ACTIVE'], familyName: 'Őri' })
  tricky = a.user
  await t.db.user.update({
    where: { id_realmId: { id: a.user.id, realmId: REALM } },
    data: { displayName: 'Őri "Öcsi" Ünige', neptun: 'ABC123', email: 'uni@pek.example' },
  })
  await t.db.membership.create({ data: { realmId: REALM, groupId: g2, userId: a.user.id } })
  await t.db.membershipEvent.createMany({
    data: (await t.db.membership.findMany({ where: { realmId: REALM, userId: a.user.id, groupId: g2 } })).map(
      (m) => ({ realmId: REALM, membershipId: m.id, status: 'NEWBIE' as const, at: new Date() }),
    ),
  })
  const b = await createMember(t.db, REALM, { groupId: g2, history: ['ACTIVE'], familyName: 'Béla' })
  plain = b.user
  await createMember(t.db, REALM, { groupId: g2, history: ['ACTIVE', 'FORMER'], familyName: 'Volt' })
  const disabled = await createMember(t.db, REALM, {
    groupId: g2,
    history: ['ACTIVE'],
    familyName: 'Tiltott',
  })
  await t.db.user.update({
    where: { id_realmId: { id: disabled.user.id, realmId: REALM } },
    data: { disabled: true },
  })
  await t.db.communityPoints.createMany({
    data: [
      {
        realmId: REALM,
        userId: a.user.id,
        semester: CLOSED,
        points: 42,
        groups: [
          { groupId: g2, current: 10, previous: 0, total: 10 },
          { groupId: g1, current: 30, previous: 10, total: 40 },
        ],
      },
      {
        realmId: REALM,
        userId: b.user.id,
        semester: CLOSED,
        points: 5,
        groups: [{ groupId: g2, current: 5, previous: 0, total: 5 }],
      },
    ],
  })
  const ev = async (groupId: number, entryStatus: 'ACCEPTED' | 'PENDING') =>
    (await t.db.evaluation.create({ data: { realmId: REALM, groupId, semester: CLOSED, entryStatus } })).id
  const e1 = await ev(g1, 'ACCEPTED')
  const e2 = await ev(g2, 'PENDING')
  await t.db.entryCard.createMany({
    data: [
      {
        realmId: REALM,
        evaluationId: e1,
        membershipId: a.membership.id,
        type: 'KB',
        justification: 'csoportos',
        finalType: 'AB',
        finalJustification: '=HYPERLINK("x");\nmásodik sor',
        final: true,
      },
      {
        realmId: REALM,
        evaluationId: e2,
        membershipId: b.membership.id,
        type: 'KB',
        justification: 'nem elfogadott',
      },
    ],
  })
})

beforeEach(() => setPeriod('QUIET'))

describe('the file format', () => {
  it('quotes `;`, `"`, line breaks and edge spaces; defuses formulas; keeps numbers and nulls plain', () => {
    expect(csvField('egyszerű')).toBe('egyszerű')
    expect(csvField('a;b')).toBe('"a;b"')
    expect(csvField('a "b"')).toBe('"a ""b"""')
    expect(csvField('két\nsor')).toBe('"két\nsor"')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField(' szél')).toBe('" szél"')
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('-5')).toBe("'-5")
    expect(csvField(-5)).toBe('-5')
    expect(csvField(null)).toBe('')
    expect(toCsv(['a', 'b'], [[1, 'ő;ű']])).toBe(`${BOM}a;b\r\n1;"ő;ű"\r\n`)
  })

  it('answers an attachment with its byte length, never cached', async () => {
    const response = csvResponse(toCsv(['név'], [['Árvíztűrő tükörfúrógép']]), 'pek-x-2025-2026-2.csv')
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pek-x-2025-2026-2.csv"')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength)
    expect(new TextDecoder().decode(bytes)).toContain('Árvíztűrő tükörfúrógép')
  })
})

describe('the exports', () => {
  it('community points: id, name, Neptun, e-mail, points, groups — of the semester the quiet period closed', async () => {
    // No switch logged: the current semester, which has none; asked by name (legacy form too): the rows.
    expect(parseCsv((await exports().communityPoints()).csv)).toHaveLength(1)
    await t.db.semesterSwitch.create({
      data: {
        realmId: REALM,
        at: new Date(),
        semester: CURRENT,
        period: 'QUIET',
        status: 'DONE',
        doneAt: new Date(),
        fromSemester: CLOSED,
        fromPeriod: 'REVIEW',
      },
    })
    const result = await exports().communityPoints()
    expect(result.filename).toBe('pek-kozossegi-pontok-2025-2026-2.csv')
    expect((await exports().communityPoints({ semester: '202520262' })).csv).toBe(result.csv)
    expect(parseCsv(result.csv)).toEqual([
      ['Azonosító', 'Név', 'Neptun', 'E-mail', 'Pont', 'Körök'],
      [
        String(tricky.id),
        'Őri "Öcsi" Ünige',
        'ABC123',
        'uni@pek.example',
        '42',
        `Őrült Ügyek; "Kör" ${stamp}: 40, Árvíztűrő ${stamp}: 10`,
      ],
      [
        String(plain.id),
        expect.stringContaining('Béla'),
        '',
        expect.stringContaining('@pek.example'),
        '5',
        `Árvíztűrő ${stamp}: 5`,
      ],
    ])
  })

  it("accepted colored entry cards: name, e-mail, group, type, justification — the council's final card", async () => {
    const result = await exports().coloredCards({ semester: CLOSED })
    expect(result.filename).toBe('pek-szines-belepok-2025-2026-2.csv')
    expect(parseCsv(result.csv)).toEqual([
      ['Név', 'E-mail', 'Kör', 'Típus', 'Indoklás'],
      [
        'Őri "Öcsi" Ünige',
        'uni@pek.example',
        `Őrült Ügyek; "Kör" ${stamp}`,
        'ÁB',
        `'=HYPERLINK("x");\nmásodik sor`,
      ],
    ])
  })

  it('active users: serving members whose account is not disabled, with their groups', async () => {
    const rows = parseCsv((await exports().activeUsers()).csv)
    expect(rows[0]).toEqual(['Azonosító', 'Név', 'Becenév', 'Neptun', 'E-mail', 'Körök'])
    // By name: Béla before Őri; the former member and the disabled account are left out.
    expect(rows.slice(1).map((r) => [r[0], r[5]])).toEqual([
      [String(plain.id), `Árvíztűrő ${stamp}`],
      [String(tricky.id), `Árvíztűrő ${stamp}, Őrült Ügyek; "Kör" ${stamp}`],
    ])
  })

  it('are refused outside the quiet period (409 not-quiet), and a bad semester is a 400', async () => {
    for (const period of ['SUBMISSION', 'REVIEW'] as const) {
      await setPeriod(period)
      for (const run of [
        () => exports().communityPoints(),
        () => exports().coloredCards(),
        () => exports().activeUsers(),
      ]) {
        const error = await run().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(InvalidStateError)
        expect((error as InvalidStateError).reason).toBe('not-quiet')
      }
    }
    await setPeriod('QUIET')
    await expect(exports().communityPoints({ semester: '2025-2027/1' })).rejects.toBeInstanceOf(
      ValidationError,
    )
  })
})

describe('who may download', () => {
  it('semester:admin on anything; others 403, anonymous 401; every export is a registered entry', async () => {
    const admin = (await createUser(t.db, REALM)).id
    await grantScopes(t.db, admin, ['semester:admin'], REALM)
    const other = (await createUser(t.db, REALM)).id
    await grantScopes(t.db, other, ['entry:review', 'evaluation:accept'], REALM)
    for (const entry of Object.values(exportEntries)) {
      expect(ENTRY_POINTS).toContain(entry)
      const target = entry.target({})
      await expect(
        decide(t.app, { kind: 'user', userId: admin, sessionId: 's' }, entry.scope, target),
      ).resolves.toBeDefined()
      await expect(
        decide(t.app, { kind: 'user', userId: other, sessionId: 's' }, entry.scope, target),
      ).rejects.toBeInstanceOf(ForbiddenError)
      await expect(decide(t.app, ANONYMOUS, entry.scope, target)).rejects.toBeInstanceOf(UnauthenticatedError)
    }
  })
})
