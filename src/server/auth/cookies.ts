import { deleteCookie } from '@tanstack/react-start/server'
import type { AppConfig } from '#config'

// HttpOnly + SameSite=Lax always; Secure (required by the __Host- prefix) whenever served over https.
const base = (config: AppConfig) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.secureCookies,
  path: '/',
})

/** Deletes a cookie through Start's request context (the guards). */
export function clearAppCookie(config: AppConfig, name: string): void {
  deleteCookie(name, base(config))
}

// The login endpoints build their Response themselves (so they also run outside Start's request
// context, e.g. in tests): the same attributes as Set-Cookie header values.

/** A `Set-Cookie` value with the app's attributes. Values must be cookie-safe (our JWTs are). */
export function appCookieHeader(
  config: AppConfig,
  name: string,
  value: string,
  maxAgeSeconds: number,
): string {
  const secure = config.secureCookies ? '; Secure' : ''
  return `${name}=${value}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; SameSite=Lax${secure}`
}

/** A `Set-Cookie` value that deletes the cookie. */
export function clearedCookieHeader(config: AppConfig, name: string): string {
  return `${appCookieHeader(config, name, '', 0)}; Expires=Thu, 01 Jan 1970 00:00:00 GMT`
}

/** The named cookie of a request, or undefined. */
export function requestCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim()
  }
  return undefined
}
