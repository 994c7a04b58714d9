// Every guarded entry point of the app, by domain: the one list the guard declarations come from.
// A server function or tRPC procedure can only be guarded with an entry from here, and
// tests/unit/entry-points.test.ts fails on any that is not (docs/decisions/0012).
import { entryReviewEntries } from './evaluation/entry-review.entries'
import { evaluationEntries } from './evaluation/evaluation.entries'
import { exportEntries } from './evaluation/exports.entries'
import { historyEntries } from './evaluation/history.entries'
import { groupEntries } from './group/group.entries'
import { membershipEntries } from './membership/membership.entries'
import { notificationEntries } from './notification/notification.entries'
import { policyEntries } from './policy/policy.entries'
import { searchEntries } from './search/search.entries'
import { semesterEntries } from './semester/semester.entries'
import { accountAccessEntries } from './session/account-access.entries'
import { userEntries } from './user/user.entries'

export const ENTRY_POINTS = [
  groupEntries,
  membershipEntries,
  notificationEntries,
  policyEntries,
  searchEntries,
  semesterEntries,
  evaluationEntries,
  entryReviewEntries,
  historyEntries,
  exportEntries,
  accountAccessEntries,
  userEntries,
].flatMap((domain) => Object.values(domain))
