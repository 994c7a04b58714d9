import { z } from 'zod'
import { ANY_TARGET, groupTarget } from '~/server/auth/scopes'
import { guardedProcedure, router } from '~/server/trpc/init'
import { GroupIdInput, GroupListInput } from './group.schema'
import { GroupService } from './group.service'

export const groupRouter = router({
  list: guardedProcedure('group:view', GroupListInput, () => ANY_TARGET).query(({ input, ctx }) =>
    ctx.services.resolve(GroupService).list(input),
  ),
  tree: guardedProcedure('group:view', z.object({}), () => ANY_TARGET).query(({ ctx }) =>
    ctx.services.resolve(GroupService).tree(),
  ),
  get: guardedProcedure('group:view', GroupIdInput, (i) => groupTarget(i.groupId)).query(({ input, ctx }) =>
    ctx.services.resolve(GroupService).get(input.groupId),
  ),
})
