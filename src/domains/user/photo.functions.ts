// Server functions of profile photos: guard + one service call each. The photo itself is served by
// the plain route GET /api/users/$userId/photo (./photo.server.ts).
import { createServerFn } from '@tanstack/react-start'
import { authGuardOn } from '~/server/auth/guard'
import { userTarget } from '~/server/auth/scopes'
import { PhotoOwnerInput, PhotoUploadInput } from './photo.schema'
import { PhotoService } from './photo.service'

export const getPhotoInfo = createServerFn({ method: 'GET' })
  .middleware([authGuardOn('user:view-basic', PhotoOwnerInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) => context.services.resolve(PhotoService).info(data.userId))

/** Multipart: `photoUploadForm(userId, blob, name)` builds the body. */
export const uploadPhoto = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', PhotoUploadInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) => context.services.resolve(PhotoService).upload(data.userId, data.photo))

export const removePhoto = createServerFn({ method: 'POST' })
  .middleware([authGuardOn('user:edit', PhotoOwnerInput, (i) => userTarget(i.userId))])
  .handler(({ data, context }) => context.services.resolve(PhotoService).remove(data.userId))
