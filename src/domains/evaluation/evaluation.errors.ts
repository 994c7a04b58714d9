// The evaluation rules' refusals (edit-rules.ts) as the server's typed errors: 409s with a reason.
import { ConflictError, InvalidStateError } from '~/server/errors'
import type { RuleReason } from './edit-rules'

/** A rule of the evaluation refused the change: 409 with the rule as `reason`. */
export class EvaluationRuleError extends InvalidStateError {
  constructor(
    override readonly reason: RuleReason,
    message = `Refused by the evaluation rule: ${reason}`,
  ) {
    super(message, reason)
  }
}

/** A KB or ÁB card without a justification blocks the entry request: the members in `members`. */
export class MissingJustificationError extends ConflictError {
  override readonly reason = 'justification-missing'
  constructor(readonly membershipIds: number[]) {
    super('KB and ÁB entry cards need a justification', { members: membershipIds.map(String) })
  }
}

/** Another editor changed the cell since the caller saw it: 409 carrying the current value. */
export class CellChangedError extends ConflictError {
  override readonly reason = 'cell-changed'
  constructor(readonly current: number) {
    super('The cell was changed by someone else', { value: [String(current)] })
  }
}
