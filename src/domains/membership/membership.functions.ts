// Server functions of memberships, posts and post types: guard (./membership.entries.ts) + one
// service call each.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { jsonResponse } from '~/shared/json-wire'
import { MemberPostService } from './member-post.service'
import { membershipEntries as entries } from './membership.entries'
import { Roster } from './membership.schema'
import { MembershipService } from './membership.service'
import { MembershipLifecycleService } from './membership-lifecycle.service'
import { PostTypeService } from './post-type.service'

export const getActiveMembers = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.activeMembers)])
  .handler(({ data, context }) => context.services.resolve(MembershipService).activeMembers(data.groupId))

export const getRoster = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.roster)])
  .handler(async ({ data, context }) =>
    jsonResponse(
      await context.services
        .resolve(MembershipService)
        .roster(data.groupId, data.tab, { admin: context.granted.has('group:member-admin') }),
      Roster,
    ),
  )

export const getUserMemberships = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.ofUser)])
  .handler(({ data, context }) => context.services.resolve(MembershipService).ofUser(data.userId))

export const getMyMembership = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.mine)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).mine(data))

export const applyToGroup = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.applyToGroup)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).apply(data))

export const withdrawApplication = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.withdraw)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).withdraw(data))

export const addMember = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.addMember)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).addMember(data))

export const acceptApplicant = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.accept)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).accept(data))

export const rejectApplicant = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.reject)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).reject(data))

export const promoteNewbie = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.promote)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).promote(data))

export const makeFormerMember = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.makeFormer)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).makeFormer(data))

export const reactivateMember = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.reactivate)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).reactivate(data))

export const archiveMember = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.archive)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).archive(data))

export const unarchiveMember = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.unarchive)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).unarchive(data))

export const getMembershipHistory = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.history)])
  .handler(({ data, context }) => context.services.resolve(MembershipLifecycleService).history(data))

export const listPostTypes = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.postTypes)])
  .handler(({ data, context }) => context.services.resolve(PostTypeService).list(data))

export const createPostType = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.createPostType)])
  .handler(({ data, context }) => context.services.resolve(PostTypeService).create(data))

export const renamePostType = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.renamePostType)])
  .handler(({ data, context }) => context.services.resolve(PostTypeService).rename(data))

export const deletePostType = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.deletePostType)])
  .handler(({ data, context }) => context.services.resolve(PostTypeService).delete(data))

export const getPostGrid = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.postGrid)])
  .handler(({ data, context }) => context.services.resolve(MemberPostService).grid(data))

export const setPost = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.setPost)])
  .handler(({ data, context }) => context.services.resolve(MemberPostService).setCell(data))

export const givePost = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.givePost)])
  .handler(({ data, context }) => context.services.resolve(MemberPostService).give(data))

export const takePost = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.takePost)])
  .handler(({ data, context }) => context.services.resolve(MemberPostService).take(data))

export const handOverLeadership = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.handOver)])
  .handler(({ data, context }) => context.services.resolve(MemberPostService).handOverLeadership(data))
