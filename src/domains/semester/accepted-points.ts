// Where community points come from: every member's points (after the caps of caps.ts) in every
// ACCEPTED evaluation of the given semesters. The hub binds the evaluation tables' implementation
// (PrismaAcceptedPointsSource, src/domains/evaluation/evaluation-points.ts, ADR 0015): a query
// inside the caller's transaction. It replaced a placeholder that answered no rows (ADR 0014).
import type { Tx } from '~/domains/group/row-locks'
import type { AcceptedPoints } from './community-points'
import type { SemesterId } from './semester-id'

export const ACCEPTED_POINTS_SOURCE = Symbol.for('pek.ACCEPTED_POINTS_SOURCE')

export interface AcceptedPointsSource {
  /** One row per (user, group, semester) with points, for the given semesters only. */
  acceptedPoints(tx: Tx, semesters: readonly SemesterId[]): Promise<AcceptedPoints[]>
}
