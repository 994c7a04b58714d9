// The login's rate limit (per client address, RATE_LIMIT_LOGIN_PER_MINUTE; docs/decisions/0019).
// The login endpoints answer with a redirect, not a page, so a refusal is a short text in the
// visitor's language with the 429 and its Retry-After.
import type { AppConfig } from '#config'
import { localeFromCookieHeader, translate } from '~/i18n'
import { RateLimitedError } from '../errors'
import { clientAddress } from '../http/client-address'
import { errorHeaders } from '../http/error-mapping'
import { rateLimiterFor } from '../http/rate-limit'

/** Counts one login request; null when it may go on, the 429 to send when it may not. */
export function loginRateLimited(request: Request, config: AppConfig): Response | null {
  try {
    rateLimiterFor(config).check('login', { address: clientAddress(request, config.trustProxyHops) })
    return null
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error
    const locale = localeFromCookieHeader(request.headers.get('cookie'))
    return new Response(translate(locale, 'auth.tooManyLogins', { seconds: error.retryAfterSeconds }), {
      status: 429,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...errorHeaders(error),
      },
    })
  }
}
