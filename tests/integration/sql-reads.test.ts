// The reads and transactions that skip Prisma (src/server/db/sql.ts): they must answer what Prisma
// would have — instants, not local clock readings — and stay inside the realm the pool is bound to.
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '~/generated/prisma/client'
import { sqlOf } from '~/server/db/client'
import { createGroup, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
const stamp = Date.now().toString(36)
const REALM = `sql-reads-${stamp}`
const OTHER = `sql-reads-other-${stamp}`
const sql = () => sqlOf(t.realmClient(REALM))
const INSTANT = new Date('2026-03-29T01:30:00.123Z')
const originalZone = process.env.TZ

let groupId: number
beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await ensureRealm(t.db, OTHER)
  groupId = (await createGroup(t.db, REALM, { name: 'SQL kör' })).id
  await t.db.group.update({
    where: { id_realmId: { id: groupId, realmId: REALM } },
    data: { createdAt: INSTANT },
  })
  await createGroup(t.db, OTHER, { name: 'Másik kör' })
})
afterEach(() => {
  process.env.TZ = originalZone
})
afterAll(t.close)

describe('a read without Prisma', () => {
  it('reads a timestamp as the instant Prisma wrote, in any process time zone', async () => {
    for (const zone of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
      process.env.TZ = zone
      const [row] = await sql().rows<{ createdAt: Date; same: boolean }>(Prisma.sql`
        SELECT "createdAt", "createdAt" = ${INSTANT} AS same
        FROM "Group" WHERE "realmId" = ${REALM} AND id = ${groupId}`)
      expect(row?.createdAt.toISOString()).toBe(INSTANT.toISOString())
      expect(row?.same).toBe(true)
    }
  })

  it('answers counts as numbers and dates as UTC midnights', async () => {
    process.env.TZ = 'America/New_York'
    const [row] = await sql().rows<{ n: unknown; day: Date }>(Prisma.sql`
      SELECT count(*) AS n, DATE '2026-09-01' AS day FROM "Group" WHERE "realmId" = ${REALM}`)
    expect(row?.n).toBe(1)
    expect(row?.day.toISOString()).toBe('2026-09-01T00:00:00.000Z')
  })

  it('sees only its own realm, even where a statement forgets to name it (row-level security)', async () => {
    const names = await sql().rows<{ name: string }>(Prisma.sql`SELECT name FROM "Group" ORDER BY name`)
    expect(names.map((g) => g.name)).toContain('SQL kör')
    expect(names.map((g) => g.name)).not.toContain('Másik kör')
  })

  it("fails with the driver's error and its SQLSTATE", async () => {
    const failure = sql().rows(Prisma.sql`SELECT 1 / ${0}::int AS n`)
    await expect(failure).rejects.toBeInstanceOf(pg.DatabaseError)
    await expect(failure).rejects.toMatchObject({ code: '22012' })
  })
})

describe('a transaction without Prisma', () => {
  const nameOf = async (id: number) =>
    (
      await sql().rows<{ name: string }>(Prisma.sql`
        SELECT name FROM "Group" WHERE "realmId" = ${REALM} AND id = ${id}`)
    )[0]?.name

  it('keeps its writes when the work resolves, and answers what the work answered', async () => {
    const { id } = await createGroup(t.db, REALM, { name: 'Előtte' })
    const answer = await sql().transaction(async (tx) => {
      await tx.rows(Prisma.sql`UPDATE "Group" SET name = 'Utána' WHERE "realmId" = ${REALM} AND id = ${id}`)
      return 'kész'
    })
    expect(answer).toBe('kész')
    expect(await nameOf(id)).toBe('Utána')
  })

  it('drops every write when the work throws, and rethrows its error', async () => {
    const { id } = await createGroup(t.db, REALM, { name: 'Marad' })
    class Refused extends Error {}
    const failed = sql().transaction(async (tx) => {
      await tx.rows(
        Prisma.sql`UPDATE "Group" SET name = 'Elveszik' WHERE "realmId" = ${REALM} AND id = ${id}`,
      )
      throw new Refused()
    })
    await expect(failed).rejects.toBeInstanceOf(Refused)
    expect(await nameOf(id)).toBe('Marad')
  })

  it('rolls back after a failed statement, and the pool serves the next transaction', async () => {
    const { id } = await createGroup(t.db, REALM, { name: 'Ép' })
    const failed = sql().transaction(async (tx) => {
      await tx.rows(Prisma.sql`UPDATE "Group" SET name = 'Törött' WHERE "realmId" = ${REALM} AND id = ${id}`)
      await tx.rows(Prisma.sql`SELECT 1 / ${0}::int`)
    })
    await expect(failed).rejects.toMatchObject({ code: '22012' })
    expect(await nameOf(id)).toBe('Ép')
    // Every connection of the pool in turn: none is left inside the aborted transaction.
    const rounds = await Promise.all(
      Array.from({ length: 12 }, () =>
        sql().transaction((tx) => tx.rows<{ one: number }>(Prisma.sql`SELECT 1 AS one`)),
      ),
    )
    expect(rounds.flat()).toEqual(Array.from({ length: 12 }, () => ({ one: 1 })))
  })

  it('sees only its own realm (row-level security holds inside it)', async () => {
    const names = await sql().transaction((tx) =>
      tx.rows<{ name: string }>(Prisma.sql`SELECT name FROM "Group" ORDER BY name`),
    )
    expect(names.map((g) => g.name)).toContain('SQL kör')
    expect(names.map((g) => g.name)).not.toContain('Másik kör')
  })
})
