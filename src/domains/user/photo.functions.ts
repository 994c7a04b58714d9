// Server functions of profile photos: guard + one service call each. The photo itself is served by
// the plain route GET /api/users/$userId/photo (./photo.server.ts).
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { PhotoService } from './photo.service'
import { userEntries as entries } from './user.entries'

export const getPhotoInfo = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.photo)])
  .handler(({ data, context }) => context.services.resolve(PhotoService).info(data.userId))

/** Multipart: `photoUploadForm(userId, blob, name)` builds the body. */
export const uploadPhoto = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.uploadPhoto)])
  .handler(({ data, context }) => context.services.resolve(PhotoService).upload(data.userId, data.photo))

export const removePhoto = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.removePhoto)])
  .handler(({ data, context }) => context.services.resolve(PhotoService).remove(data.userId))
