import { createIsomorphicFn } from '@tanstack/react-start'
import { getRequestHeader } from '@tanstack/react-start/server'
import { type Locale, localeFromCookieHeader } from '~/i18n'

/** The visitor's chosen language: from the request's cookie on the server, document.cookie in the browser. */
export const readLocale = createIsomorphicFn()
  .server((): Locale => localeFromCookieHeader(getRequestHeader('cookie')))
  .client((): Locale => localeFromCookieHeader(document.cookie))
