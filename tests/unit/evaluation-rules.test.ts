// The evaluation's status × period rules (edit-rules.ts) against PRODUCT.md's sentences, for every
// combination: submit, cancel, edit and judge. The services apply them under row locks
// (tests/integration/evaluation-service.test.ts checks that they do).
import { describe, expect, it } from 'vitest'
import { cancelRefusal, editRefusal, judgeRefusal, submitRefusal } from '~/domains/evaluation/edit-rules'
import type { Period } from '~/domains/semester/semester.schema'
import type { RequestStatus } from '~/generated/prisma/enums'

const PERIODS: Period[] = ['QUIET', 'SUBMISSION', 'REVIEW']
const STATUSES: RequestStatus[] = ['NOT_SUBMITTED', 'PENDING', 'ACCEPTED', 'REJECTED']
const every = () => PERIODS.flatMap((period) => STATUSES.map((status) => ({ period, status })))

describe('the evaluation rules', () => {
  it('submit: current semester, SUBMISSION, not PENDING or ACCEPTED (a rejected one is resubmitted)', () => {
    for (const s of every())
      expect([s, submitRefusal({ ...s, current: true }) === null]).toEqual([
        s,
        s.period === 'SUBMISSION' && (s.status === 'NOT_SUBMITTED' || s.status === 'REJECTED'),
      ])
    expect(submitRefusal({ period: 'SUBMISSION', status: 'NOT_SUBMITTED', current: false })).toBe(
      'not-current-semester',
    )
  })

  it('cancel: only in SUBMISSION and only while PENDING', () => {
    for (const s of every())
      expect([s, cancelRefusal({ ...s, current: true }) === null]).toEqual([
        s,
        s.period === 'SUBMISSION' && s.status === 'PENDING',
      ])
  })

  it("edit: the group's editors in SUBMISSION while NOT_SUBMITTED or REJECTED; reviewers in REVIEW while PENDING; nobody an ACCEPTED one", () => {
    for (const s of every()) {
      const group = editRefusal('group', { ...s, current: true })
      const review = editRefusal('review', { ...s, current: true })
      expect([s, group === null, review === null]).toEqual([
        s,
        s.period === 'SUBMISSION' && (s.status === 'NOT_SUBMITTED' || s.status === 'REJECTED'),
        s.period === 'REVIEW' && s.status === 'PENDING',
      ])
      if (s.status === 'ACCEPTED') expect([group, review]).toEqual(['accepted', 'accepted'])
    }
  })

  it('judge: in REVIEW, anything but ACCEPTED and never from ACCEPTED; accept: anything in REVIEW', () => {
    for (const s of every())
      for (const to of STATUSES) {
        const state = { ...s, current: true }
        expect([s, to, judgeRefusal('judge', state, to) === null]).toEqual([
          s,
          to,
          s.period === 'REVIEW' && s.status !== 'ACCEPTED' && to !== 'ACCEPTED',
        ])
        expect([s, to, judgeRefusal('accept', state, to) === null]).toEqual([s, to, s.period === 'REVIEW'])
      }
  })
})
