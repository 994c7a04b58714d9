// Creating, editing, moving and archiving groups: field validation, the tree rules with typed
// errors, and the policy version following every tree change (database trigger).
import { afterAll, describe, expect, it } from 'vitest'
import type { GroupFields } from '~/domains/group/group-management.schema'
import { GroupManagementService } from '~/domains/group/group-management.service'
import { GroupPlacementError } from '~/domains/group/tree-rules'
import { PolicyVersionService } from '~/domains/policy/policy-version.service'
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '~/server/errors'
import { createGroup } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)
const groups = () => t.app.resolve(GroupManagementService)
const version = () => t.app.resolve(PolicyVersionService).current()
const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`

const FIELDS: GroupFields = {
  name: `Kir-Dev ${stamp}`,
  shortDescription: 'Webfejlesztők',
  purpose: 'CIRCLE',
  foundedYear: 2001,
  webpage: 'https://kir-dev.hu',
  mailingList: 'kir-dev@sch.bme.hu',
  acceptsApplications: true,
  showArchivedMembers: false,
}

async function placementReason(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GroupPlacementError)
  expect(error).toBeInstanceOf(InvalidStateError)
  return (error as GroupPlacementError).reason
}

describe('GroupManagementService', () => {
  it('creates a top-level group and a subgroup with all their data', async () => {
    const before = await version()
    const resort = await groups().create({
      ...FIELDS,
      name: `Reszort ${stamp}`,
      purpose: 'RESORT',
      parentId: null,
    })
    const circle = await groups().create({ ...FIELDS, parentId: resort.id, webpage: '  ', mailingList: '' })
    expect(resort).toMatchObject({ parentId: null, purpose: 'RESORT', archived: false })
    expect(circle).toMatchObject({
      parentId: resort.id,
      name: FIELDS.name,
      shortDescription: 'Webfejlesztők',
      foundedYear: 2001,
      webpage: null,
      mailingList: null,
      acceptsApplications: true,
      showArchivedMembers: false,
    })
    expect(await version()).toBeGreaterThan(before)
  })

  it('edits the group data, refusing invalid values with a message per field', async () => {
    const group = await createGroup(t.db, 'hub')
    const edited = await groups().update({
      groupId: group.id,
      version: 0,
      ...FIELDS,
      name: `  Átnevezett ${stamp}  `,
      acceptsApplications: false,
      showArchivedMembers: true,
    })
    expect(edited).toMatchObject({
      id: group.id,
      name: `Átnevezett ${stamp}`,
      acceptsApplications: false,
      showArchivedMembers: true,
      mailingList: 'kir-dev@sch.bme.hu',
    })
    const invalid = await groups()
      .update({
        groupId: group.id,
        version: 1,
        ...FIELDS,
        name: ' ',
        shortDescription: 'x'.repeat(501),
        foundedYear: new Date().getUTCFullYear() + 1,
        webpage: 'javascript:alert(1)',
        mailingList: 'nem e-mail',
      })
      .catch((e: unknown) => e)
    expect(invalid).toBeInstanceOf(ValidationError)
    expect((invalid as ValidationError).fields).toEqual({
      name: ['required'],
      shortDescription: ['tooLong'],
      foundedYear: ['invalid'],
      webpage: ['url'],
      mailingList: ['invalid'],
    })
    await expect(groups().update({ groupId: 2_000_000_000, version: 0, ...FIELDS })).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })

  it('keeps both of two edits from the same version from landing: one wins, the other is a 409', async () => {
    const group = await createGroup(t.db, 'hub')
    const edit = (name: string) => groups().update({ groupId: group.id, version: 0, ...FIELDS, name })
    const results = await Promise.allSettled([edit(`Első ${stamp}`), edit(`Második ${stamp}`)])
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    expect(won).toHaveLength(1)
    expect(lost[0]).toBeInstanceOf(ConflictError)
    expect((lost[0] as ConflictError).message).toContain('version 1')
    const stored = await t.db.group.findUniqueOrThrow({
      where: { id_realmId: { id: group.id, realmId: 'hub' } },
    })
    expect({ name: stored.name, version: stored.version }).toEqual({ name: won[0]?.name, version: 1 })
  })

  it('moves a group under another and to the top, bumping the policy version', async () => {
    const a = await createGroup(t.db, 'hub')
    const b = await createGroup(t.db, 'hub')
    const before = await version()
    expect((await groups().move({ groupId: b.id, parentId: a.id })).parentId).toBe(a.id)
    expect(await version()).toBeGreaterThan(before)
    expect((await groups().move({ groupId: b.id, parentId: null })).parentId).toBeNull()
  })

  it('refuses a move that would make a cycle, at any depth', async () => {
    const root = await createGroup(t.db, 'hub')
    let deepest = root
    for (let i = 0; i < 5; i++) deepest = await createGroup(t.db, 'hub', { parentId: deepest.id })
    expect(await placementReason(groups().move({ groupId: root.id, parentId: deepest.id }))).toBe('cycle')
    expect(await placementReason(groups().move({ groupId: root.id, parentId: root.id }))).toBe('cycle')
    const stored = await t.db.group.findUniqueOrThrow({
      where: { id_realmId: { id: root.id, realmId: 'hub' } },
    })
    expect(stored.parentId).toBeNull()
  })

  it('never places a group under an archived one: move, create, unarchive', async () => {
    const archived = await createGroup(t.db, 'hub', { archived: true })
    const group = await createGroup(t.db, 'hub')
    expect(await placementReason(groups().move({ groupId: group.id, parentId: archived.id }))).toBe(
      'archived-parent',
    )
    expect(await placementReason(groups().create({ ...FIELDS, parentId: archived.id }))).toBe(
      'archived-parent',
    )
    const child = await createGroup(t.db, 'hub', { parentId: archived.id, archived: true })
    expect(await placementReason(groups().unarchive({ groupId: child.id }))).toBe('archived-parent')
    await expect(groups().move({ groupId: group.id, parentId: 2_000_000_000 })).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })

  it('archives a group only once its subgroups are archived, and unarchives it', async () => {
    const parent = await createGroup(t.db, 'hub')
    const child = await createGroup(t.db, 'hub', { parentId: parent.id })
    expect(await placementReason(groups().archive({ groupId: parent.id }))).toBe('active-children')
    await groups().archive({ groupId: child.id })
    expect((await groups().archive({ groupId: parent.id })).archived).toBe(true)
    expect((await groups().unarchive({ groupId: parent.id })).archived).toBe(false)
  })

  it('lets two crossing moves at once never close a cycle', async () => {
    const a = await createGroup(t.db, 'hub')
    const b = await createGroup(t.db, 'hub')
    const results = await Promise.allSettled([
      groups().move({ groupId: a.id, parentId: b.id }),
      t.app.createChildContainer().resolve(GroupManagementService).move({ groupId: b.id, parentId: a.id }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const failed = results.find((r) => r.status === 'rejected')
    expect(failed?.status === 'rejected' && failed.reason).toBeInstanceOf(GroupPlacementError)
  })
})
