// Two admins acting on the same membership at once, through two separate containers (as two app
// instances would): the membership row lock serialises them, exactly one wins, the loser gets a
// 409 carrying the status the winner left, and the history stays a walk of allowed transitions.
import { afterAll, describe, expect, it } from 'vitest'
import { MembershipLifecycleService } from '~/domains/membership/membership-lifecycle.service'
import { MembershipStateError, TRANSITIONS } from '~/domains/membership/status'
import type { MembershipStatus } from '~/generated/prisma/enums'
import { requestContainer } from '~/server/di/request-scope'
import { createGroup, createMember, createUser } from '../factories/records'
import { createTestApp, reconfigured } from '../support/app'

const t = createTestApp()
afterAll(t.close)
const other = reconfigured(t)

const lifecycle = (app: typeof t, userId: number) =>
  requestContainer(app.app, { kind: 'user', userId, sessionId: `race-${userId}` }, 'race').resolve(
    MembershipLifecycleService,
  )

const allowed = (from: MembershipStatus | null, to: MembershipStatus) =>
  Object.values(TRANSITIONS).some((t) => t.from.includes(from) && t.to === to)

async function statuses(membershipId: number) {
  const events = await t.db.membershipEvent.findMany({
    where: { realmId: 'hub', membershipId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  })
  return events.map((e) => e.status)
}

function expectValidWalk(walk: MembershipStatus[]) {
  walk.forEach((status, i) => {
    expect([walk[i - 1] ?? null, status, allowed(walk[i - 1] ?? null, status)]).toEqual([
      walk[i - 1] ?? null,
      status,
      true,
    ])
  })
}

type Move = 'accept' | 'reject' | 'makeFormer' | 'archive' | 'reactivate' | 'promote'

/** Pairs where whichever runs second is no longer allowed. */
const PAIRS: { start: MembershipStatus[]; moves: [Move, Move] }[] = [
  { start: ['PENDING'], moves: ['accept', 'reject'] },
  { start: ['PENDING'], moves: ['accept', 'accept'] },
  { start: ['PENDING', 'NEWBIE'], moves: ['promote', 'promote'] },
  { start: ['PENDING', 'NEWBIE', 'ACTIVE'], moves: ['makeFormer', 'makeFormer'] },
  { start: ['PENDING', 'NEWBIE', 'ACTIVE', 'FORMER'], moves: ['reactivate', 'archive'] },
]

describe('concurrent membership changes', () => {
  it('let exactly one of two simultaneous transitions win, many times over', async () => {
    const groupId = (await createGroup(t.db, 'hub')).id
    const [adminA, adminB] = await Promise.all([createUser(t.db, 'hub'), createUser(t.db, 'hub')])
    if (!adminA || !adminB) throw new Error('admins not created')
    const rounds = PAIRS.flatMap((pair) => Array.from({ length: 5 }, () => pair))
    const memberships = await Promise.all(
      rounds.map((r) =>
        createMember(t.db, 'hub', { groupId, history: r.start }).then((m) => m.membership.id),
      ),
    )
    const outcomes = await Promise.all(
      rounds.map(async ({ moves: [a, b] }, i) => {
        const ref = { groupId, membershipId: memberships[i] ?? 0 }
        // Two containers, two service instances, two connections: the same moment, the same row.
        const results = await Promise.allSettled([
          lifecycle(t, adminA.id)[a](ref),
          lifecycle(other, adminB.id)[b](ref),
        ])
        return { ref, results }
      }),
    )
    for (const { ref, results } of outcomes) {
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect(lost[0]).toBeInstanceOf(MembershipStateError)
      // The loser is told the status the winner left.
      expect((lost[0] as MembershipStateError).current).toBe(won[0]?.status)
      const walk = await statuses(ref.membershipId)
      expectValidWalk(walk)
      expect(walk.at(-1)).toBe(won[0]?.status)
    }
  })

  it('let two simultaneous first applications of one user make one membership', async () => {
    const groupId = (await createGroup(t.db, 'hub')).id
    const user = await createUser(t.db, 'hub')
    const results = await Promise.allSettled([
      lifecycle(t, user.id).apply({ groupId }),
      lifecycle(other, user.id).apply({ groupId }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const lost = results.find((r) => r.status === 'rejected')
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(MembershipStateError)
    const rows = await t.db.membership.findMany({ where: { realmId: 'hub', groupId, userId: user.id } })
    expect(rows).toHaveLength(1)
    expect(await statuses(rows[0]?.id ?? 0)).toEqual(['PENDING'])
  })
})
