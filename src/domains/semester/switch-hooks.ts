// What else happens when the semester or period switches. SemesterService runs every hook bound to
// SEMESTER_SWITCH_HOOKS (src/server/di/hub-module.ts) inside the switch's transaction, after the
// settings changed: a hook that throws undoes the switch, so a switch and its consequences land
// together or not at all. Community points are the first hook; evaluations may add their own.
import type { Tx } from '~/domains/group/row-locks'
import type { EvaluationCaps } from './caps'
import type { Period } from './semester.schema'
import type { SemesterId } from './semester-id'

export const SEMESTER_SWITCH_HOOKS = Symbol.for('pek.SEMESTER_SWITCH_HOOKS')

export interface SemesterAndPeriod {
  semester: SemesterId
  period: Period
}

/** One applied switch: the state before and after, when, and the settings it ran under. */
export interface SemesterChange {
  from: SemesterAndPeriod
  to: SemesterAndPeriod
  /** The clock's time when it was applied (for a scheduled switch: at or after its `at`). */
  appliedAt: Date
  caps: EvaluationCaps
  communityPointsCap: number
}

export interface SemesterSwitchHook {
  afterSwitch(tx: Tx, change: SemesterChange): Promise<void>
}

/**
 * Whether the change closes a semester's evaluation: the period goes from SUBMISSION or REVIEW to
 * QUIET. The semester it closes is the one it leaves (`from`), even when the same switch also moves
 * on to the next semester.
 */
export function closedSemester(change: SemesterChange): SemesterId | null {
  return change.to.period === 'QUIET' && change.from.period !== 'QUIET' ? change.from.semester : null
}
