import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GroupService } from '~/domains/group/group.service'
import { MembershipService } from '~/domains/membership/membership.service'
import { previousSemester, storedSemesterId } from '~/domains/semester/semester-id'
import { NotFoundError } from '~/server/errors'
import {
  createGroup,
  createMembership,
  createUser,
  ensureSharedPostTypes,
  givePost,
} from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
const tag = `dir${Date.now().toString(36)}`
const g: Record<string, number> = {}
const u: Record<string, number> = {}

beforeAll(async () => {
  await ensureSharedPostTypes(t.db, 'hub')
  g.resort = (await createGroup(t.db, 'hub', { name: `${tag} Reszort`, purpose: 'RESORT' })).id
  g.circle = (await createGroup(t.db, 'hub', { name: `${tag} Kör`, parentId: g.resort })).id
  g.archived = (
    await createGroup(t.db, 'hub', { name: `${tag} Régi kör`, parentId: g.resort, archived: true })
  ).id
  for (const [key, familyName] of [
    ['leader', 'Zsiga'],
    ['active', 'Ábel'],
    ['newbie', 'Bodor'],
    ['pending', 'Cseh'],
    ['former', 'Dudás'],
    ['archived', 'Erdős'],
  ] as const) {
    u[key] = (await createUser(t.db, 'hub', { familyName, givenName: tag })).id
  }
  const circle = g.circle as number
  const leader = await createMembership(t.db, 'hub', {
    groupId: circle,
    userId: u.leader as number,
    history: ['PENDING', 'NEWBIE', 'ACTIVE'],
  })
  await givePost(t.db, 'hub', { membershipId: leader.id, kind: 'LEADER' })
  await createMembership(t.db, 'hub', {
    groupId: circle,
    userId: u.active as number,
    history: ['PENDING', 'NEWBIE', 'ACTIVE'],
  })
  await createMembership(t.db, 'hub', {
    groupId: circle,
    userId: u.newbie as number,
    history: ['PENDING', 'NEWBIE'],
  })
  await createMembership(t.db, 'hub', { groupId: circle, userId: u.pending as number, history: ['PENDING'] })
  await createMembership(t.db, 'hub', {
    groupId: circle,
    userId: u.former as number,
    history: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER'],
  })
  await createMembership(t.db, 'hub', {
    groupId: circle,
    userId: u.archived as number,
    history: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER', 'ARCHIVED'],
  })
})
afterAll(t.close)

describe('GroupService', () => {
  const groups = () => t.app.resolve(GroupService)

  it('lists active groups by default and archived ones under "all", filtered by name ignoring case', async () => {
    const active = await groups().list({ status: 'active', filter: tag.toUpperCase() })
    expect(active.map((x) => x.name)).toEqual([`${tag} Kör`, `${tag} Reszort`])
    expect(active[0]?.parent).toEqual({ id: g.resort, name: `${tag} Reszort` })
    const all = await groups().list({ status: 'all', filter: tag })
    expect(all.map((x) => x.name)).toContain(`${tag} Régi kör`)
  })

  it('takes the filter literally: % and _ are characters, not wildcards', async () => {
    const percent = await createGroup(t.db, 'hub', { name: `${tag} 100% kör` })
    const underscore = await createGroup(t.db, 'hub', { name: `${tag} a_b kör` })
    const names = async (filter: string) => (await groups().list({ status: 'all', filter })).map((x) => x.id)
    expect(await names(`${tag} 100%`)).toEqual([percent.id])
    expect(await names(`${tag} a_b`)).toEqual([underscore.id])
    expect(await names(`${tag} %`)).toEqual([])
    expect(await names(`${tag} _`)).toEqual([])
  })

  it('builds the organisation tree', async () => {
    const resort = (await groups().tree()).find((n) => n.id === g.resort)
    expect(resort?.children.map((c) => c.name)).toEqual([`${tag} Kör`, `${tag} Régi kör`])
  })

  it('gets one group with its parent and children, and 404s an unknown one', async () => {
    const resort = await groups().get(g.resort as number)
    expect(resort).toMatchObject({ purpose: 'RESORT', parent: null, archived: false })
    expect(resort.children.map((c) => [c.name, c.archived])).toEqual([
      [`${tag} Kör`, false],
      [`${tag} Régi kör`, true],
    ])
    await expect(groups().get(2_000_000_000)).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('GroupService.list: probably inactive', () => {
  it('marks a group over a year old with no submitted evaluation in the two previous semesters', async () => {
    const settings = await t.db.semesterSettings.findUniqueOrThrow({ where: { realmId: 'hub' } })
    const previous = previousSemester(storedSemesterId(settings.semester))
    const longAgo = new Date(Date.now() - 2 * 365 * 86_400_000)
    const named = (name: string) => `${tag} ${name}`
    const make = async (name: string, createdAt: Date) =>
      (
        await createGroup(t.db, 'hub', { name: named(name) }).then((group) =>
          t.db.group.update({ where: { id_realmId: { id: group.id, realmId: 'hub' } }, data: { createdAt } }),
        )
      ).id
    const silent = await make('Csendes', longAgo)
    const young = await make('Fiatal', new Date())
    const submitted = await make('Leadó', longAgo)
    const visited = await make('Csak megnyitott', longAgo)
    await t.db.evaluation.create({
      data: {
        realmId: 'hub',
        groupId: submitted,
        semester: previousSemester(previous),
        pointStatus: 'ACCEPTED',
      },
    })
    await t.db.evaluation.create({ data: { realmId: 'hub', groupId: visited, semester: previous } })
    const listed = await t.app.resolve(GroupService).list({ status: 'all', filter: tag })
    const inactive = (id: number) => listed.find((g) => g.id === id)?.probablyInactive
    expect([inactive(silent), inactive(young), inactive(submitted), inactive(visited)]).toEqual([
      true,
      false,
      false,
      true,
    ])
  })
})

describe('MembershipService.activeMembers', () => {
  it('lists active members and newbies — leaders first, then by name — and nobody else', async () => {
    const members = await t.app.resolve(MembershipService).activeMembers(g.circle as number)
    expect(members.map((m) => [m.userId, m.status, m.posts.map((p) => p.kind)])).toEqual([
      [u.leader, 'ACTIVE', ['LEADER']],
      [u.active, 'ACTIVE', []],
      [u.newbie, 'NEWBIE', []],
    ])
    expect(members[0]?.since).toEqual(new Date('2025-09-02T10:00:00Z'))
  })

  it('404s an unknown group', async () => {
    await expect(t.app.resolve(MembershipService).activeMembers(2_000_000_000)).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })
})
