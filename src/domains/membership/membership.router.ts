import { GroupIdInput } from '~/domains/group/group.schema'
import { UserIdInput } from '~/domains/user/profile.schema'
import { groupTarget, userTarget } from '~/server/auth/scopes'
import { guardedProcedure, router } from '~/server/trpc/init'
import { MembershipService } from './membership.service'

export const membershipRouter = router({
  activeMembers: guardedProcedure('group:view-members', GroupIdInput, (i) => groupTarget(i.groupId)).query(
    ({ input, ctx }) => ctx.services.resolve(MembershipService).activeMembers(input.groupId),
  ),
  ofUser: guardedProcedure('user:view-basic', UserIdInput, (i) => userTarget(i.userId)).query(
    ({ input, ctx }) => ctx.services.resolve(MembershipService).ofUser(input.userId),
  ),
})
