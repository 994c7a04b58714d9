// Row-level security behind the realm guard (docs/decisions/0021-realm-row-level-security.md): every
// realm-scoped table has the policy, and the app's own client — the one the services get — reaches
// only its realm's rows even with raw SQL that names no realm, and cannot switch the policy off.
import { readFileSync } from 'node:fs'
import { container as root } from 'tsyringe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ROLE, REALM_SETTING, withRealmGuard } from '~/server/db/client'
import { registerHubModule } from '~/server/di/hub-module'
import { PRISMA, type TokenTypes } from '~/server/di/tokens'
import { createGroup, createMembership, createUser, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'
import { idBlock } from '../support/ids'

const stamp = Date.now().toString(36)
const REALM = `rls-${stamp}`
const OTHER = `rls-other-${stamp}`
const t = createTestApp({ REALM_ID: REALM })
const app = () => t.app.resolve<TokenTypes[typeof PRISMA]>(PRISMA)
const id = idBlock()
const ids = {
  user: id(0),
  group: id(1),
  membership: id(2),
  notification: id(3),
  fresh: id(4),
  created: id(5),
}

/** The tables of the models that have a realmId field in prisma/schema.prisma. */
function realmScopedTablesOfSchema(): string[] {
  const schema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8')
  return [...schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)]
    .filter(([, , body]) => /^\s+realmId\s/m.test(body ?? ''))
    .map(([, name, body]) => body?.match(/@@map\("([^"]+)"\)/)?.[1] ?? name ?? '')
    .sort()
}

async function fill(realmId: string, label: string) {
  await ensureRealm(t.db, realmId)
  await createUser(t.db, realmId, { id: ids.user, subject: `rls-${ids.user}`, familyName: label })
  await createGroup(t.db, realmId, { id: ids.group, name: `${label} ${ids.group}` })
  await createMembership(t.db, realmId, {
    id: ids.membership,
    groupId: ids.group,
    userId: ids.user,
    history: ['ACTIVE'],
  })
  await t.db.notification.create({
    data: { id: ids.notification, realmId, userId: ids.user, kind: 'MEMBERSHIP_ACCEPTED' },
  })
}

/** The other realm as the owner sees it: must never change. */
async function otherRealm() {
  const where = { realmId: OTHER }
  return JSON.stringify([
    await t.db.user.findMany({ where }),
    await t.db.group.findMany({ where }),
    await t.db.membership.findMany({ where }),
    await t.db.notification.findMany({ where }),
  ])
}

let before = ''
beforeAll(async () => {
  await fill(REALM, 'Saját')
  await fill(OTHER, 'Másik')
  before = await otherRealm()
})
afterAll(t.close)

describe('row-level security on the realm-scoped tables', () => {
  it('covers every table of a model with a realmId, one policy on the connection’s realm', async () => {
    const tables = realmScopedTablesOfSchema()
    expect(tables.length).toBeGreaterThan(20)
    const inDatabase = await t.db.$queryRaw<{ table: string }[]>`
      SELECT table_name AS "table" FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'realmId' ORDER BY 1`
    expect(inDatabase.map((r) => r.table)).toEqual(tables)

    const expected = `("realmId" = ( SELECT current_setting('${REALM_SETTING}'::text, true) AS current_setting))`
    const rows = await t.db.$queryRaw<{ table: string; enabled: boolean; policies: unknown }[]>`
      SELECT c.relname AS "table", c.relrowsecurity AS enabled,
        coalesce(json_agg(json_build_object(
          'name', p.policyname, 'permissive', p.permissive, 'roles', p.roles, 'cmd', p.cmd,
          'using', p.qual, 'check', p.with_check)) FILTER (WHERE p.policyname IS NOT NULL), '[]') AS policies
      FROM pg_class c
      LEFT JOIN pg_policies p ON p.schemaname = current_schema() AND p.tablename = c.relname
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(${tables})
      GROUP BY c.oid ORDER BY 1`
    expect(rows).toEqual(
      tables.map((table) => ({
        table,
        enabled: true,
        policies: [
          {
            name: 'realm_isolation',
            permissive: 'PERMISSIVE',
            roles: ['public'],
            cmd: 'ALL',
            using: expected,
            check: expected,
          },
        ],
      })),
    )
  })

  it('binds every connection of the app to its role and realm, and that role cannot bypass the policy', async () => {
    const [direct] = await app().$queryRaw<{ role: string; realm: string }[]>`
      SELECT current_user AS role, current_setting(${REALM_SETTING}) AS realm`
    const [inTransaction] = await app().$transaction(
      (tx) => tx.$queryRaw<{ role: string; realm: string }[]>`
        SELECT current_user AS role, current_setting(${REALM_SETTING}) AS realm`,
    )
    expect([direct, inTransaction]).toEqual([
      { role: APP_ROLE, realm: REALM },
      { role: APP_ROLE, realm: REALM },
    ])
    const [role] = await t.db.$queryRaw<{ superuser: boolean; bypass: boolean; owns: bigint }[]>`
      SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypass,
        (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owns
      FROM pg_roles r WHERE r.rolname = ${APP_ROLE}`
    expect(role).toEqual({ superuser: false, bypass: false, owns: 0n })
  })

  it('shows raw SQL without a realm only its own realm’s rows, in every realm-scoped table', async () => {
    const seen: Record<string, string[]> = {}
    for (const table of realmScopedTablesOfSchema()) {
      const rows = await app().$queryRawUnsafe<{ realmId: string }[]>(
        `SELECT DISTINCT "realmId" FROM "${table}"`,
      )
      seen[table] = rows.map((r) => r.realmId).filter((realm) => realm !== REALM)
    }
    expect(Object.entries(seen).filter(([, others]) => others.length > 0)).toEqual([])
    const groups = await app().$queryRaw<{ name: string }[]>`SELECT name FROM "Group" WHERE id = ${ids.group}`
    expect(groups).toEqual([{ name: `Saját ${ids.group}` }])
    const [counted] = await app().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "User" WHERE id = ${ids.user}`
    expect(counted?.n).toBe(1n)
  })

  it('changes and deletes only its own realm’s rows', async () => {
    expect(await app().$executeRaw`UPDATE "Group" SET name = 'átnevezve' WHERE id = ${ids.group}`).toBe(1)
    expect(await app().$executeRaw`UPDATE "User" SET disabled = true`).toBeGreaterThanOrEqual(1)
    expect(await app().$executeRaw`DELETE FROM "Notification" WHERE id = ${ids.notification}`).toBe(1)
    expect(
      await app().$transaction(
        (tx) => tx.$executeRaw`DELETE FROM "MembershipEvent" WHERE "membershipId" = ${ids.membership}`,
      ),
    ).toBe(1)
    expect(
      await t.db.group.findUniqueOrThrow({ where: { id_realmId: { id: ids.group, realmId: REALM } } }),
    ).toMatchObject({
      name: 'átnevezve',
    })
    expect(await otherRealm()).toBe(before)
  })

  it('refuses to write a row into another realm or move one there', async () => {
    const refused = /row-level security/
    await expect(
      app().$executeRaw`INSERT INTO "Group" (id, "realmId", name, "shortDescription", purpose, "updatedAt")
        VALUES (${ids.fresh}, ${OTHER}, 'betolakodó', '', 'CIRCLE', now())`,
    ).rejects.toThrow(refused)
    await expect(
      app().$executeRaw`UPDATE "Group" SET "realmId" = ${OTHER} WHERE id = ${ids.group}`,
    ).rejects.toThrow(refused)
    expect(await otherRealm()).toBe(before)
  })

  it('cannot switch row-level security off, disable the policy or read the migrations', async () => {
    await expect(
      app().$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL row_security = off`
        return tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${ids.group}`
      }),
    ).rejects.toThrow(/would be affected by row-level security policy/)
    await expect(app().$executeRaw`ALTER TABLE "Group" DISABLE ROW LEVEL SECURITY`).rejects.toThrow(
      /must be owner/,
    )
    await expect(app().$executeRaw`DROP POLICY realm_isolation ON "Group"`).rejects.toThrow(/must be owner/)
    await expect(app().$queryRaw`SELECT * FROM "_prisma_migrations"`).rejects.toThrow(/permission denied/)
    await expect(
      app().$executeRaw`INSERT INTO "Realm" (id, name) VALUES ('betolakodo', 'x')`,
    ).rejects.toThrow(/permission denied/)
  })

  it('runs the triggers as the app role, inside its realm', async () => {
    const version = async (realmId: string) =>
      (await t.db.policyVersion.findUnique({ where: { realmId } }))?.version ?? 0
    const [ours, theirs] = [await version(REALM), await version(OTHER)]
    await app().group.create({
      data: {
        id: ids.created,
        realmId: REALM,
        name: `Új ${ids.created}`,
        shortDescription: '',
        purpose: 'CIRCLE',
      },
    })
    expect([await version(REALM), await version(OTHER)]).toEqual([ours + 1, theirs])
  })

  it('shows nothing to the app role on a connection bound to no realm', async () => {
    const [row] = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`)
      return tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Group"`
    })
    expect(row?.n).toBe(0n)
  })

  it('will not build the app on an owner’s client or on another realm’s', () => {
    const build = (prisma: Parameters<typeof registerHubModule>[1]['prisma']) => () =>
      registerHubModule(root.createChildContainer(), { config: t.config, prisma })
    expect(build(withRealmGuard(t.db, REALM))).toThrow(/createRealmClient/)
    expect(build(t.realmClient(OTHER))).toThrow(/createRealmClient/)
  })
})
