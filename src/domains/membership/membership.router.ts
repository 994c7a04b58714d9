// tRPC over the membership services: the same entry points as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { MemberPostService } from './member-post.service'
import { membershipEntries as entries } from './membership.entries'
import { MembershipService } from './membership.service'
import { MembershipLifecycleService } from './membership-lifecycle.service'
import { PostTypeService } from './post-type.service'

export const membershipRouter = router({
  activeMembers: guardedProcedure(entries.activeMembers).query(({ input, ctx }) =>
    ctx.services.resolve(MembershipService).activeMembers(input.groupId),
  ),
  roster: guardedProcedure(entries.roster).query(({ input, ctx }) =>
    ctx.services
      .resolve(MembershipService)
      .roster(input.groupId, input.tab, { admin: ctx.granted.has('group:member-admin') }),
  ),
  ofUser: guardedProcedure(entries.ofUser).query(({ input, ctx }) =>
    ctx.services.resolve(MembershipService).ofUser(input.userId),
  ),
  mine: guardedProcedure(entries.mine).query(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).mine(input),
  ),
  applyToGroup: guardedProcedure(entries.applyToGroup).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).apply(input),
  ),
  withdraw: guardedProcedure(entries.withdraw).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).withdraw(input),
  ),
  addMember: guardedProcedure(entries.addMember).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).addMember(input),
  ),
  accept: guardedProcedure(entries.accept).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).accept(input),
  ),
  reject: guardedProcedure(entries.reject).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).reject(input),
  ),
  promote: guardedProcedure(entries.promote).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).promote(input),
  ),
  makeFormer: guardedProcedure(entries.makeFormer).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).makeFormer(input),
  ),
  reactivate: guardedProcedure(entries.reactivate).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).reactivate(input),
  ),
  archive: guardedProcedure(entries.archive).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).archive(input),
  ),
  unarchive: guardedProcedure(entries.unarchive).mutation(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).unarchive(input),
  ),
  history: guardedProcedure(entries.history).query(({ input, ctx }) =>
    ctx.services.resolve(MembershipLifecycleService).history(input),
  ),
  postTypes: guardedProcedure(entries.postTypes).query(({ input, ctx }) =>
    ctx.services.resolve(PostTypeService).list(input),
  ),
  createPostType: guardedProcedure(entries.createPostType).mutation(({ input, ctx }) =>
    ctx.services.resolve(PostTypeService).create(input),
  ),
  renamePostType: guardedProcedure(entries.renamePostType).mutation(({ input, ctx }) =>
    ctx.services.resolve(PostTypeService).rename(input),
  ),
  deletePostType: guardedProcedure(entries.deletePostType).mutation(({ input, ctx }) =>
    ctx.services.resolve(PostTypeService).delete(input),
  ),
  postGrid: guardedProcedure(entries.postGrid).query(({ input, ctx }) =>
    ctx.services.resolve(MemberPostService).grid(input),
  ),
  setPost: guardedProcedure(entries.setPost).mutation(({ input, ctx }) =>
    ctx.services.resolve(MemberPostService).setCell(input),
  ),
  givePost: guardedProcedure(entries.givePost).mutation(({ input, ctx }) =>
    ctx.services.resolve(MemberPostService).give(input),
  ),
  takePost: guardedProcedure(entries.takePost).mutation(({ input, ctx }) =>
    ctx.services.resolve(MemberPostService).take(input),
  ),
  handOver: guardedProcedure(entries.handOver).mutation(({ input, ctx }) =>
    ctx.services.resolve(MemberPostService).handOverLeadership(input),
  ),
})
