// Profile pages and edits. Whether the hidden fields are shown is the guard's answer to
// `user:view-profile` on the same user (./user.entries.ts).
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { ProfileService } from './profile.service'
import { userEntries as entries } from './user.entries'

export const findUserByScreenName = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.byScreenName)])
  .handler(({ data, context }) => context.services.resolve(ProfileService).userIdOf(data.screenName))

export const getProfile = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.profile)])
  .handler(({ data, context }) =>
    context.services.resolve(ProfileService).profileOf(data.userId, {
      full: context.granted.has('user:view-profile'),
      editable: context.granted.has('user:edit'),
    }),
  )

export const getEditableProfile = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.editable)])
  .handler(({ data, context }) => context.services.resolve(ProfileService).editable(data.userId))

export const updateProfile = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.update)])
  .handler(({ data, context }) =>
    context.services.resolve(ProfileService).update(data.userId, data.version, data),
  )

export const updatePrivacy = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.privacy)])
  .handler(({ data, context }) =>
    context.services.resolve(ProfileService).setPrivacy(data.userId, data.version, data),
  )
