import { groupRouter } from '~/domains/group/group.router'
import { membershipRouter } from '~/domains/membership/membership.router'
import { router } from './init'

export const appRouter = router({
  group: groupRouter,
  membership: membershipRouter,
})

export type AppRouter = typeof appRouter
