// The directory's cache (ADR 0027) against the real triggers: a realm of this file's own, so the
// other files' writes to the shared database cannot bump its version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DirectoryCache } from '~/domains/group/directory-cache'
import { GroupService } from '~/domains/group/group.service'
import { sqlOf } from '~/server/db/client'
import { createGroup, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
const REALM = `dircache-${Date.now().toString(36)}`
const clock = { now: () => new Date() }
const cache = new DirectoryCache()
/** As a request gets it: a new service, the process's one cache. */
const groups = () => new GroupService(t.realmClient(REALM), sqlOf(t.realmClient(REALM)), REALM, clock, cache)
const ALL = { status: 'all', filter: '' } as const
const ACTIVE = { status: 'active', filter: '' } as const
const where = (id: number) => ({ id_realmId: { id, realmId: REALM } })

let circle: number
beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  await t.db.semesterSettings.create({
    data: { realmId: REALM, semester: '2026-2027/1', period: 'SUBMISSION' },
  })
  circle = (await createGroup(t.db, REALM, { name: 'Gyorsítótár kör' })).id
})
afterAll(t.close)

const nameOf = async (id: number, view: { status: 'active' | 'all'; filter: string } = ALL) =>
  (await groups().list(view)).find((g) => g.id === id)?.name

describe('the directory cache', () => {
  it('serves the same list again while nothing has changed', async () => {
    const first = await groups().list(ALL)
    expect(await groups().list(ALL)).toBe(first)
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true)
  })

  it('shows a renamed, added, archived or moved group at once', async () => {
    await t.db.group.update({ where: where(circle), data: { name: 'Átnevezett kör' } })
    expect(await nameOf(circle)).toBe('Átnevezett kör')

    const added = await createGroup(t.db, REALM, { name: 'Új kör', parentId: circle })
    expect((await groups().list(ACTIVE)).find((g) => g.id === added.id)?.parent).toEqual({
      id: circle,
      name: 'Átnevezett kör',
    })

    await t.db.group.update({ where: where(added.id), data: { archived: true } })
    expect(await nameOf(added.id, ACTIVE)).toBeUndefined()

    await t.db.group.update({ where: where(added.id), data: { parentId: null } })
    expect((await groups().list(ALL)).find((g) => g.id === added.id)?.parent).toBeNull()
  })

  it('follows submitted evaluations and the semester switch, not cell-level edits', async () => {
    const old = await createGroup(t.db, REALM, { name: 'Régi kör' })
    await t.db.group.update({ where: where(old.id), data: { createdAt: new Date('2020-01-01T00:00:00Z') } })
    const inactive = async () => (await groups().list(ALL)).find((g) => g.id === old.id)?.probablyInactive
    expect(await inactive()).toBe(true)

    const evaluation = await t.db.evaluation.create({
      data: { realmId: REALM, groupId: old.id, semester: '2026-2027/1' },
    })
    const before = await groups().list(ALL)
    // Opening an evaluation of the current semester changes nothing the directory shows…
    expect(await inactive()).toBe(true)
    await t.db.evaluation.update({
      where: { id_realmId: { id: evaluation.id, realmId: REALM } },
      data: { pointSubmittedAt: new Date() },
    })
    expect(await groups().list(ALL)).toBe(before)

    // Submitted in the current semester: it counts only once that is one of the two before.
    const status = (pointStatus: 'PENDING' | 'NOT_SUBMITTED') =>
      t.db.evaluation.update({
        where: { id_realmId: { id: evaluation.id, realmId: REALM } },
        data: { pointStatus },
      })
    await status('PENDING')
    expect(await inactive()).toBe(true)
    await t.db.semesterSettings.update({ where: { realmId: REALM }, data: { semester: '2026-2027/2' } })
    expect(await inactive()).toBe(false)
    await status('NOT_SUBMITTED')
    expect(await inactive()).toBe(true)
  })

  it('rebuilds once a young group turns a year old, without any write', async () => {
    const later = { now: () => new Date(Date.now() + 366 * 86_400_000) }
    const young = await createGroup(t.db, REALM, { name: 'Fiatal kör' })
    const mark = async (c: { now: () => Date }) =>
      (
        await new GroupService(t.realmClient(REALM), sqlOf(t.realmClient(REALM)), REALM, c, cache).list(ALL)
      ).find((g) => g.id === young.id)?.probablyInactive
    expect(await mark(clock)).toBe(false)
    expect(await mark(later)).toBe(true)
  })

  it('keeps realms apart and leaves filtered lists uncached', async () => {
    const hub = await new GroupService(
      t.realmClient('hub'),
      sqlOf(t.realmClient('hub')),
      'hub',
      clock,
      cache,
    ).list(ALL)
    expect(hub.some((g) => g.name === 'Átnevezett kör' && g.id === circle)).toBe(false)
    const filtered = await groups().list({ status: 'all', filter: 'kör' })
    expect(await groups().list({ status: 'all', filter: 'kör' })).not.toBe(filtered)
  })
})
