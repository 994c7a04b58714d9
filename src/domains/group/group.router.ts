// tRPC over the group services: the same entry points as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { groupEntries as entries } from './group.entries'
import { GroupService } from './group.service'
import { GroupManagementService } from './group-management.service'
import { viewerRights } from './viewer-rights'

const manage = GroupManagementService

export const groupRouter = router({
  list: guardedProcedure(entries.list).query(({ input, ctx }) =>
    ctx.services.resolve(GroupService).list(input),
  ),
  tree: guardedProcedure(entries.tree).query(({ ctx }) => ctx.services.resolve(GroupService).tree()),
  get: guardedProcedure(entries.get).query(({ input, ctx }) =>
    ctx.services.resolve(GroupService).page(input.groupId, viewerRights(ctx.granted)),
  ),
  createTopLevel: guardedProcedure(entries.createTopLevel).mutation(({ input, ctx }) =>
    ctx.services.resolve(manage).create(input),
  ),
  createSubgroup: guardedProcedure(entries.createSubgroup).mutation(({ input, ctx }) =>
    ctx.services.resolve(manage).create(input),
  ),
  update: guardedProcedure(entries.update).mutation(({ input, ctx }) =>
    ctx.services.resolve(manage).update(input),
  ),
  move: guardedProcedure(entries.move).mutation(({ input, ctx }) => ctx.services.resolve(manage).move(input)),
  archive: guardedProcedure(entries.archive).mutation(({ input, ctx }) =>
    ctx.services.resolve(manage).archive(input),
  ),
  unarchive: guardedProcedure(entries.unarchive).mutation(({ input, ctx }) =>
    ctx.services.resolve(manage).unarchive(input),
  ),
})
