// Server functions of the search box: guard + one service call each. The route asks for people
// only when someone is logged in; a visitor gets the groups (the directory is public).
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { searchEntries as entries } from './search.entries'
import { SearchService } from './search.service'

export const searchEverything = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.everything)])
  .handler(({ data, context }) =>
    context.services
      .resolve(SearchService)
      .everything(data, { full: context.granted.has('user:view-profile') }),
  )

export const searchGroups = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.groups)])
  .handler(({ data, context }) => context.services.resolve(SearchService).groups(data))

export const searchPeople = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.people)])
  .handler(({ data, context }) =>
    context.services
      .resolve(SearchService)
      .peopleOnly(data, { full: context.granted.has('user:view-profile') }),
  )
