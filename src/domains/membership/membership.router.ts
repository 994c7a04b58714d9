import { guardedProcedure, router } from '~/server/trpc/init'
import { membershipEntries as entries } from './membership.entries'
import { MembershipService } from './membership.service'

export const membershipRouter = router({
  activeMembers: guardedProcedure(entries.activeMembers).query(({ input, ctx }) =>
    ctx.services.resolve(MembershipService).activeMembers(input.groupId),
  ),
  ofUser: guardedProcedure(entries.ofUser).query(({ input, ctx }) =>
    ctx.services.resolve(MembershipService).ofUser(input.userId),
  ),
})
