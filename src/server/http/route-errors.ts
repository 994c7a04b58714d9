// Plain server routes (photos, exports) return a Response themselves, outside the server
// functions' error middleware: this gives them the same mapping (src/server/http/error-mapping.ts).
import { getAppContainer } from '../di/app-container'
import { LOGGER, type TokenTypes } from '../di/tokens'
import { errorHeaders, toPublicError } from './error-mapping'

/** Runs the handler; a thrown error becomes a JSON `{ error }` answer with its mapped status. */
export async function withErrorResponse(handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle()
  } catch (error) {
    const { status, code, message, fields, reason } = toPublicError(
      error,
      getAppContainer().resolve<TokenTypes[typeof LOGGER]>(LOGGER),
    )
    return Response.json(
      { error: { status, code, message, fields: fields ?? null, reason: reason ?? null } },
      // An answer about access or a missing user must not be replayed from a cache.
      { status, headers: { 'cache-control': 'no-store', ...errorHeaders(error) } },
    )
  }
}
