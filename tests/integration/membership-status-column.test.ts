// The membership's current status kept on its row by triggers on its events (ADR 0031): whatever
// writes the events, the row must say what currentStatus (src/domains/membership/status.ts) says
// of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentStatus } from '~/domains/membership/status'
import type { MembershipStatus } from '~/generated/prisma/enums'
import { createGroup, createMembership, createUser, ensureRealm } from '../factories/records'
import { createTestApp } from '../support/app'

const t = createTestApp()
const REALM = `status-column-${Date.now().toString(36)}`
const DAY = 86_400_000
const start = new Date('2026-02-01T10:00:00.000Z')
const dayAt = (n: number) => new Date(start.getTime() + n * DAY)

let groupId: number
beforeAll(async () => {
  await ensureRealm(t.db, REALM)
  groupId = (await createGroup(t.db, REALM)).id
})
afterAll(t.close)

async function newMembership(history: MembershipStatus[]) {
  const userId = (await createUser(t.db, REALM)).id
  return createMembership(t.db, REALM, { groupId, userId, history, start })
}

/** The row's status and the one its events give, side by side. */
async function statusOf(membershipId: number) {
  const row = await t.db.membership.findUniqueOrThrow({
    where: { id_realmId: { id: membershipId, realmId: REALM } },
    select: { status: true, statusAt: true, events: { select: { id: true, status: true, at: true } } },
  })
  const newest = currentStatus(row.events)
  return {
    stored: { status: row.status, at: row.statusAt?.toISOString() ?? null },
    fromEvents: { status: newest?.status ?? null, at: newest?.at.toISOString() ?? null },
  }
}

async function expectInStep(membershipId: number, status: MembershipStatus | null) {
  const { stored, fromEvents } = await statusOf(membershipId)
  expect(stored).toEqual(fromEvents)
  expect(stored.status).toBe(status)
}

describe("a membership's current status on its row", () => {
  it('follows each new event, and ignores one dated before the newest', async () => {
    const { id } = await newMembership(['PENDING', 'NEWBIE'])
    await expectInStep(id, 'NEWBIE')
    await t.db.membershipEvent.create({
      data: { realmId: REALM, membershipId: id, status: 'ACTIVE', at: dayAt(5) },
    })
    await expectInStep(id, 'ACTIVE')
    // Back-dated: it joins the history but is not the newest.
    await t.db.membershipEvent.create({
      data: { realmId: REALM, membershipId: id, status: 'FORMER', at: dayAt(3) },
    })
    await expectInStep(id, 'ACTIVE')
  })

  it('breaks a tie on the timestamp by the later event, as currentStatus does', async () => {
    const { id } = await newMembership(['PENDING'])
    await t.db.membershipEvent.createMany({
      data: [
        { realmId: REALM, membershipId: id, status: 'NEWBIE', at: dayAt(2) },
        { realmId: REALM, membershipId: id, status: 'REJECTED', at: dayAt(2) },
      ],
    })
    await expectInStep(id, 'REJECTED')
  })

  it('follows an edited or deleted event, and is null when no event is left', async () => {
    const { id } = await newMembership(['PENDING', 'NEWBIE', 'ACTIVE'])
    const newest = await t.db.membershipEvent.findFirstOrThrow({
      where: { realmId: REALM, membershipId: id, status: 'ACTIVE' },
    })
    await t.db.membershipEvent.update({
      where: { id_realmId: { id: newest.id, realmId: REALM } },
      data: { at: dayAt(-1) },
    })
    await expectInStep(id, 'NEWBIE')
    await t.db.membershipEvent.deleteMany({ where: { realmId: REALM, membershipId: id, status: 'NEWBIE' } })
    await expectInStep(id, 'PENDING')
    await t.db.membershipEvent.deleteMany({ where: { realmId: REALM, membershipId: id } })
    await expectInStep(id, null)
  })

  it('keeps every membership of one bulk insert right', async () => {
    const memberships = await Promise.all([1, 2, 3].map(() => newMembership(['PENDING'])))
    const statuses: MembershipStatus[] = ['NEWBIE', 'REJECTED', 'FORMER']
    await t.db.membershipEvent.createMany({
      data: memberships.flatMap((m, i) => [
        { realmId: REALM, membershipId: m.id, status: 'ACTIVE' as const, at: dayAt(3) },
        { realmId: REALM, membershipId: m.id, status: statuses[i] as MembershipStatus, at: dayAt(4) },
      ]),
    })
    for (const [i, m] of memberships.entries()) await expectInStep(m.id, statuses[i] as MembershipStatus)
  })

  it('ends right when a second writer waits for the first one of the same membership', async () => {
    const { id } = await newMembership(['PENDING'])
    let inserted!: () => void
    const firstInserted = new Promise<void>((resolve) => {
      inserted = resolve
    })
    // The first writer adds the newer event and holds its transaction open; the second, an older
    // event, starts meanwhile and can only finish after the first commits. Its recompute must see
    // the first one's event, or the row would name the older event.
    const first = t.db.$transaction(async (tx) => {
      await tx.membershipEvent.create({
        data: { realmId: REALM, membershipId: id, status: 'NEWBIE', at: dayAt(8) },
      })
      inserted()
      await tx.$executeRaw`SELECT pg_sleep(0.3)`
    })
    await firstInserted
    const second = t.db.membershipEvent.create({
      data: { realmId: REALM, membershipId: id, status: 'REJECTED', at: dayAt(6) },
    })
    await Promise.all([first, second])
    await expectInStep(id, 'NEWBIE')
  })
})
