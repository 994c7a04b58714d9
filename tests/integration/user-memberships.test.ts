// A user's groups on their profile: current and former memberships with posts and dates.
import { afterAll, describe, expect, it } from 'vitest'
import { MembershipService } from '~/domains/membership/membership.service'
import {
  createGroup,
  createMembership,
  createUser,
  ensureSharedPostTypes,
  givePost,
} from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)

describe('MembershipService.ofUser', () => {
  it('lists active and newbie memberships first, then former ones, without applications or archived ones', async () => {
    await ensureSharedPostTypes(t.db, 'hub')
    const user = await createUser(t.db, 'hub', { familyName: 'Történelmi' })
    const stamp = Date.now()
    const group = (name: string) => createGroup(t.db, 'hub', { name: `${name} ${stamp}` })
    const [active, newbie, former, pending, archived] = await Promise.all(
      ['Aktív', 'Újonc', 'Volt', 'Jelentkezett', 'Archivált'].map(group),
    )
    if (!active || !newbie || !former || !pending || !archived) throw new Error('groups not created')
    const start = new Date('2024-09-01T10:00:00Z')
    const leader = await createMembership(t.db, 'hub', {
      groupId: active.id,
      userId: user.id,
      history: ['PENDING', 'NEWBIE', 'ACTIVE'],
      start,
    })
    await givePost(t.db, 'hub', { membershipId: leader.id, kind: 'LEADER' })
    await createMembership(t.db, 'hub', {
      groupId: newbie.id,
      userId: user.id,
      history: ['PENDING', 'NEWBIE'],
      start: new Date('2025-02-01T10:00:00Z'),
    })
    await createMembership(t.db, 'hub', {
      groupId: former.id,
      userId: user.id,
      history: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER'],
      start: new Date('2022-09-01T10:00:00Z'),
    })
    await createMembership(t.db, 'hub', { groupId: pending.id, userId: user.id, history: ['PENDING'] })
    await createMembership(t.db, 'hub', {
      groupId: archived.id,
      userId: user.id,
      history: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER', 'ARCHIVED'],
    })

    const history = await t.app.resolve(MembershipService).ofUser(user.id)
    expect(history.map((m) => [m.group.id, m.status])).toEqual([
      [newbie.id, 'NEWBIE'],
      [active.id, 'ACTIVE'],
      [former.id, 'FORMER'],
    ])
    const [, current, old] = history
    expect(current?.posts.map((p) => p.kind)).toEqual(['LEADER'])
    expect(current?.since).toEqual(new Date('2024-09-02T10:00:00Z'))
    expect(current?.until).toBeNull()
    expect(old?.since).toEqual(new Date('2022-09-02T10:00:00Z'))
    expect(old?.until).toEqual(new Date('2022-09-04T10:00:00Z'))
  })
})
