// Where community points come from: every member's points (after the caps of caps.ts) in every
// ACCEPTED evaluation of the given semesters. The evaluation tables (issue 6, next step) implement
// it with a query inside the caller's transaction and bind it to ACCEPTED_POINTS_SOURCE in the hub
// module in place of NoEvaluationTablesYet.
import { injectable } from 'tsyringe'
import type { Tx } from '~/domains/group/row-locks'
import type { AcceptedPoints } from './community-points'
import type { SemesterId } from './semester-id'

export const ACCEPTED_POINTS_SOURCE = Symbol.for('pek.ACCEPTED_POINTS_SOURCE')

export interface AcceptedPointsSource {
  /** One row per (user, group, semester) with points, for the given semesters only. */
  acceptedPoints(tx: Tx, semesters: readonly SemesterId[]): Promise<AcceptedPoints[]>
}

/**
 * The source while no evaluation table exists: there is nothing accepted to read, so it answers
 * no rows and a recomputation stores no community points. Replace the binding, not this class.
 */
@injectable()
export class NoEvaluationTablesYet implements AcceptedPointsSource {
  async acceptedPoints(): Promise<AcceptedPoints[]> {
    return []
  }
}
