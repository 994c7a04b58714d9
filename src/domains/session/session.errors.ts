import { ForbiddenError } from '~/server/errors'

/** The account is disabled: it may not start a session (the login callback shows why). */
export class AccountDisabledError extends ForbiddenError {
  constructor(readonly userId: number) {
    super('The account is disabled')
  }
}
