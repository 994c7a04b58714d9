// Who may do what with semesters, through the tRPC procedures (the same entry points and guard as
// the server functions): anyone — anonymous visitors too — sees the current semester; only holders
// of `semester:admin` (the RVT leader) switch, schedule, cancel, change the caps or read the log;
// a bad semester id is a 400 with its field, in either form.
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGroup, createMember, createUser } from '../factories/records'
import { createTestApp } from '../support/app'
import { grantPolicy } from '../support/policies'
import { DEFAULT_CAPS, DEFAULT_CAPS_INPUT } from '../support/semesters'
import { asNewAdmin, callerAs, codeOf } from '../support/trpc'

const t = createTestApp()
afterAll(t.close)

type Api = Awaited<ReturnType<typeof callerAs>>
let anonymous: Api
let student: Api
let leader: Api
let policyAdmin: Api
let council: Api

/** Far enough ahead never to come due while the tests run; cancelled by the test that plans it. */
const farAhead = () => new Date(Date.now() + 300 * 86_400_000)

beforeAll(async () => {
  anonymous = await callerAs(t, null, 'semester-access-test')
  student = await callerAs(t, (await createUser(t.db, 'hub')).id, 'semester-access-test')
  const groupId = (await createGroup(t.db, 'hub')).id
  const leaderMember = await createMember(t.db, 'hub', {
    groupId,
    history: ['PENDING', 'NEWBIE', 'ACTIVE'],
    posts: ['LEADER'],
  })
  leader = await callerAs(t, leaderMember.user.id, 'semester-access-test')
  policyAdmin = (await asNewAdmin(t, 'semester-access-test')).caller
  const councilLeader = (await createUser(t.db, 'hub', { familyName: 'RVT-elnök' })).id
  await grantPolicy(t.db, councilLeader, 'RVT-elnök')
  council = await callerAs(t, councilLeader, 'semester-access-test')
})

describe('the current semester', () => {
  it('is for everyone, anonymous visitors too, in both forms', async () => {
    for (const api of [anonymous, student, council]) {
      const state = await api.semester.current()
      expect(state.semester).toMatch(/^\d{4}-\d{4}\/[12]$/)
      expect(state.legacySemester).toBe(state.semester.replace(/^(\d{4})-(\d{4})\/([12])$/, '$1$2$3'))
      expect(state.caps).toEqual(DEFAULT_CAPS)
      expect(state.communityPointsCap).toBe(100)
    }
  })
})

describe('changes', () => {
  const someone = () => [student, leader, policyAdmin]

  it('are refused to anyone without semester:admin — a group leader and the PéK admin too', async () => {
    const { semester, period } = await anonymous.semester.current()
    // Thunks: each call starts only when awaited, so no refusal goes unobserved.
    const calls = (api: Api) => [
      () => api.semester.log(),
      () => api.semester.setCurrent({ semester, period }),
      () => api.semester.scheduleSwitch({ at: farAhead(), semester, period }),
      () => api.semester.cancelSwitch({ switchId: 1 }),
      () => api.semester.updateCaps(DEFAULT_CAPS_INPUT),
    ]
    for (const api of someone()) for (const call of calls(api)) expect(await codeOf(call())).toBe('FORBIDDEN')
    for (const call of calls(anonymous)) expect(await codeOf(call())).toBe('UNAUTHORIZED')
  })

  it("are the council leader's: switch, schedule (either form), cancel, caps, and the log", async () => {
    const { semester, period } = await council.semester.current()
    // Switching to the state it is in changes nothing but the log (no other test file relies on it).
    expect(await council.semester.setCurrent({ semester, period })).toMatchObject({ semester, period })
    const planned = await council.semester.scheduleSwitch({
      at: farAhead(),
      semester: '202720282',
      period: 'REVIEW',
    })
    expect(planned.semester).toBe('2027-2028/2')
    expect((await anonymous.semester.current()).upcoming.map((s) => s.id)).toContain(planned.id)
    const log = await council.semester.log()
    expect(log.upcoming.find((s) => s.id === planned.id)?.createdBy?.name).toContain('RVT-elnök')
    expect(log.past[0]).toMatchObject({ status: 'DONE', semester, period, from: { semester, period } })
    await council.semester.cancelSwitch({ switchId: planned.id })
    expect(await codeOf(council.semester.cancelSwitch({ switchId: planned.id }))).toBe('CONFLICT')
    expect(await codeOf(council.semester.cancelSwitch({ switchId: 2_000_000_000 }))).toBe('NOT_FOUND')
    const caps = await council.semester.updateCaps(DEFAULT_CAPS_INPUT)
    expect(caps.caps).toEqual(DEFAULT_CAPS)
  })
})

describe('bad input', () => {
  async function fieldsOf(call: Promise<unknown>) {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('BAD_REQUEST')
    return (error as TRPCError & { cause: { fields: Record<string, string[]> } }).cause.fields
  }

  it('is a 400 naming the field: bad semester ids in either form, periods, dates, caps', async () => {
    for (const semester of ['2026-2028/1', '202620283', '2026/27/1', '20262027', ''])
      expect(await fieldsOf(council.semester.setCurrent({ semester, period: 'QUIET' }))).toEqual({
        semester: ['semesterId'],
      })
    expect(
      await fieldsOf(
        council.semester.scheduleSwitch({ at: 'tomorrow', semester: '2026-2027/9', period: 'QUIET' }),
      ),
    ).toEqual({ at: ['invalid'], semester: ['semesterId'] })
    expect(
      await fieldsOf(
        council.semester.scheduleSwitch({
          at: new Date(Date.now() - 1000),
          semester: '2026-2027/2',
          period: 'QUIET',
        }),
      ),
    ).toEqual({ at: ['notInFuture'] })
    expect(await fieldsOf(council.semester.updateCaps({ ...DEFAULT_CAPS_INPUT, minimumTotal: 2 }))).toEqual({
      minimumTotal: ['tooSmall'],
    })
    // Input is checked before access: a stranger's bad id is a 400 too, and reveals nothing.
    expect(await fieldsOf(anonymous.semester.setCurrent({ semester: 'x', period: 'QUIET' }))).toEqual({
      semester: ['semesterId'],
    })
  })
})
