import { entryReviewRouter } from '~/domains/evaluation/entry-review.router'
import { evaluationRouter } from '~/domains/evaluation/evaluation.router'
import { historyRouter } from '~/domains/evaluation/history.router'
import { groupRouter } from '~/domains/group/group.router'
import { membershipRouter } from '~/domains/membership/membership.router'
import { notificationRouter } from '~/domains/notification/notification.router'
import { policyRouter } from '~/domains/policy/policy.router'
import { searchRouter } from '~/domains/search/search.router'
import { semesterRouter } from '~/domains/semester/semester.router'
import { accountAccessRouter } from '~/domains/session/account-access.router'
import { userRouter } from '~/domains/user/user.router'
import { router } from './init'

export const appRouter = router({
  group: groupRouter,
  membership: membershipRouter,
  notification: notificationRouter,
  user: userRouter,
  search: searchRouter,
  accountAccess: accountAccessRouter,
  policy: policyRouter,
  semester: semesterRouter,
  evaluation: evaluationRouter,
  entryReview: entryReviewRouter,
  history: historyRouter,
})

export type AppRouter = typeof appRouter
