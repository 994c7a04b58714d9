// Profile pages and edits. Reads need `user:view-basic`; whether the hidden fields are shown is the
// guard's answer to `user:view-profile` on the same user. Changes need `user:edit` on the user the
// input names, so naming someone else's id is a 403 before any service runs.
import { createServerFn } from '@tanstack/react-start'
import { authGuardOn } from '~/server/auth/guard'
import { ANY_TARGET, userTarget } from '~/server/auth/scopes'
import { PrivacyUpdateInput, ProfileUpdateInput, ScreenNameInput, UserIdInput } from './profile.schema'
import { ProfileService } from './profile.service'

export const findUserByScreenName = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('user:view-basic', ScreenNameInput, () => ANY_TARGET)])
  .handler(({ data, context }) => context.services.resolve(ProfileService).userIdOf(data.screenName))

export const getProfile = createServerFn({ method: 'GET' })
  .middleware([
    authGuardOn('user:view-basic', UserIdInput, (i) => userTarget(i.userId), {
      reveal: ['user:view-profile', 'user:edit'],
    }),
  ])
  .handler(({ data, context }) =>
    context.services.resolve(ProfileService).profileOf(data.userId, {
      full: context.granted.has('user:view-profile'),
      editable: context.granted.has('user:edit'),
    }),
  )

export const getEditableProfile = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('user:edit', UserIdInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) => context.services.resolve(ProfileService).editable(data.userId))

export const updateProfile = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', ProfileUpdateInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) =>
    context.services.resolve(ProfileService).update(data.userId, data.version, data),
  )

export const updatePrivacy = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', PrivacyUpdateInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) =>
    context.services.resolve(ProfileService).setPrivacy(data.userId, data.version, data),
  )
