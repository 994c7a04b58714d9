// Server functions of the search box: guard + one service call each. The route asks for people
// only when someone is logged in; a visitor gets the groups (the directory is public).
import { createServerFn } from '@tanstack/react-start'
import { authGuardOn } from '~/server/auth/guard'
import { ANY_TARGET } from '~/server/auth/scopes'
import { SearchInput } from './search.schema'
import { SearchService } from './search.service'

export const searchEverything = createServerFn({ method: 'GET' })
  .middleware([
    authGuardOn('user:view-basic', SearchInput, () => ANY_TARGET, { reveal: ['user:view-profile'] }),
  ])
  .handler(({ data, context }) =>
    context.services
      .resolve(SearchService)
      .everything(data, { full: context.granted.has('user:view-profile') }),
  )

export const searchGroups = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('group:view', SearchInput, () => ANY_TARGET)])
  .handler(({ data, context }) => context.services.resolve(SearchService).groups(data))
