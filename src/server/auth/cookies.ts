import { deleteCookie, setCookie } from '@tanstack/react-start/server'
import type { AppConfig } from '#config'

// HttpOnly + SameSite=Lax always; Secure (required by the __Host- prefix) whenever served over https.
const base = (config: AppConfig) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.secureCookies,
  path: '/',
})

export function setAppCookie(config: AppConfig, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(name, value, { ...base(config), maxAge: maxAgeSeconds })
}

export function clearAppCookie(config: AppConfig, name: string): void {
  deleteCookie(name, base(config))
}
