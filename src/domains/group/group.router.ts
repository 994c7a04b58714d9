import { guardedProcedure, router } from '~/server/trpc/init'
import { groupEntries as entries } from './group.entries'
import { GroupService } from './group.service'

export const groupRouter = router({
  list: guardedProcedure(entries.list).query(({ input, ctx }) =>
    ctx.services.resolve(GroupService).list(input),
  ),
  tree: guardedProcedure(entries.tree).query(({ ctx }) => ctx.services.resolve(GroupService).tree()),
  get: guardedProcedure(entries.get).query(({ input, ctx }) =>
    ctx.services.resolve(GroupService).get(input.groupId),
  ),
})
