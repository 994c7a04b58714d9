// Server functions of groups: the directory and group management; guard + one service call each.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { jsonResponse, readJson } from '~/shared/json-wire'
import { groupEntries as entries } from './group.entries'
import { Directory, GroupPage } from './group.schema'
import { GroupService } from './group.service'
import { GroupManagementService } from './group-management.service'
import { viewerRights } from './viewer-rights'

export const listGroups = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.list)])
  .handler(async ({ data, context }) =>
    jsonResponse(await context.services.resolve(GroupService).list(data), Directory),
  )

export const getGroupTree = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.tree)])
  .handler(({ context }) => context.services.resolve(GroupService).tree())

// Raw JSON like the directory (ADR 0030): the most visited page, where Seroval's encoding was a
// measurable share of a small answer's cost (issue 8). Loaders call it through readGroup.
export const getGroup = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.get)])
  .handler(async ({ data, context }) =>
    jsonResponse(
      await context.services.resolve(GroupService).page(data.groupId, viewerRights(context.granted)),
      GroupPage,
    ),
  )

/** The group page's data, as every loader reads it. */
export const readGroup = (input: Parameters<typeof getGroup>[0]) => readJson(getGroup(input), GroupPage)

export const createTopLevelGroup = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.createTopLevel)])
  .handler(({ data, context }) => context.services.resolve(GroupManagementService).create(data))

export const createSubgroup = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.createSubgroup)])
  .handler(({ data, context }) => context.services.resolve(GroupManagementService).create(data))

export const updateGroup = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.update)])
  .handler(({ data, context }) => context.services.resolve(GroupManagementService).update(data))

export const moveGroup = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.move)])
  .handler(({ data, context }) => context.services.resolve(GroupManagementService).move(data))

export const archiveGroup = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.archive)])
  .handler(({ data, context }) => context.services.resolve(GroupManagementService).archive(data))

export const unarchiveGroup = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.unarchive)])
  .handler(({ data, context }) => context.services.resolve(GroupManagementService).unarchive(data))
