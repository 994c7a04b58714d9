// GET /api/users/$userId/photo: the user's photo, or their default avatar. Any logged-in user may
// see it (`user:view-basic`, the `user.photo` entry point). Browsers keep it privately for a while
// and then revalidate with the ETag, which changes with every new photo.
import { guardEntry } from '~/server/auth/guard'
import { matchesEtag } from '~/server/http/etag'
import { withErrorResponse } from '~/server/http/route-errors'
import { PhotoService } from './photo.service'
import { userEntries as entries } from './user.entries'

const MAX_AGE_SECONDS = 300

// An image opened directly as a document (an SVG could carry script) gets no capabilities at all.
const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

export function servePhoto(request: Request, rawUserId: string): Promise<Response> {
  return withErrorResponse(async () => {
    const { input, services } = await guardEntry(entries.photo, { userId: rawUserId })
    const { userId } = input
    const photo = await services.resolve(PhotoService).read(userId)
    const etag = `"${photo.version}"`
    const headers = {
      'cache-control': `private, max-age=${MAX_AGE_SECONDS}`,
      etag,
      'x-content-type-options': 'nosniff',
      'content-security-policy': IMAGE_CSP,
    }
    if (matchesEtag(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers })
    }
    return new Response(photo.bytes, {
      status: 200,
      headers: { ...headers, 'content-type': photo.contentType },
    })
  })
}
