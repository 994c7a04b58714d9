import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { en } from './messages/en'
import { hu, type Messages } from './messages/hu'

export type Locale = 'hu' | 'en'

export const LOCALES: readonly Locale[] = ['hu', 'en']
export const DEFAULT_LOCALE: Locale = 'hu'
export const LOCALE_COOKIE = 'pek-locale'

const MESSAGES: Record<Locale, Messages> = { hu, en }

// BCP 47 tags for Intl: en-GB gives day-month order and a 24-hour clock, as readers in Budapest expect.
const INTL_LOCALE: Record<Locale, string> = { hu: 'hu-HU', en: 'en-GB' }

// Server and browser must format the same instant identically, or hydration mismatches.
const TIME_ZONE = 'Europe/Budapest'

/** Accepts 'hu', 'EN', 'en-US', 'hu_HU'...; anything else falls back to Hungarian. */
export function parseLocale(value: unknown): Locale {
  if (typeof value !== 'string') return DEFAULT_LOCALE
  const language = value.trim().toLowerCase().split(/[-_]/)[0]
  return LOCALES.find((locale) => locale === language) ?? DEFAULT_LOCALE
}

/** Reads the locale from a raw `Cookie` request header (for the server side of the root route). */
export function localeFromCookieHeader(header: string | null | undefined): Locale {
  for (const part of header?.split(';') ?? []) {
    const [name, value] = part.split('=')
    if (name?.trim() === LOCALE_COOKIE) return parseLocale(decodeURIComponent(value ?? ''))
  }
  return DEFAULT_LOCALE
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`
}

// ---- typed keys -------------------------------------------------------------------------------

type Tree = typeof hu
type KeyName = string | number

/** Every dot-path to a string leaf, e.g. 'nav.groups' | 'common.errors.404.title'. */
type Paths<T> = {
  [K in keyof T & KeyName]: T[K] extends string ? `${K}` : `${K}.${Paths<T[K]>}`
}[keyof T & KeyName]

export type MessageKey = Paths<Tree>

// Object keys like '404' may surface as number literals; compare them as text.
type Child<T, Name extends string> = {
  [K in keyof T & KeyName]: `${K}` extends Name ? T[K] : never
}[keyof T & KeyName]

type MessageAt<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? MessageAt<Child<T, Head>, Rest>
  : Child<T, Path>

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never

export type MessageParams<K extends MessageKey> = Record<Placeholders<MessageAt<Tree, K>>, string | number>

// Messages with `{placeholders}` require their params; the others accept none.
type TArgs<K extends MessageKey> = [Placeholders<MessageAt<Tree, K>>] extends [never]
  ? []
  : [params: MessageParams<K>]

export type TFunction = <K extends MessageKey>(key: K, ...args: TArgs<K>) => string

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

function interpolate(message: string, params: Record<string, string | number> | undefined): string {
  if (!params) return message
  return message.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name]
    return value === undefined ? match : String(value)
  })
}

/** Translation outside React (loaders, `head()` titles). Falls back to Hungarian, then to the key. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...args: TArgs<K>): string {
  const message = lookup(MESSAGES[locale], key) ?? lookup(hu, key) ?? key
  return interpolate(message, args[0])
}

// ---- formatting -------------------------------------------------------------------------------

export function formatDate(
  locale: Locale,
  value: Date | string | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: TIME_ZONE, ...options }).format(date)
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], options).format(value)
}

// ---- React ------------------------------------------------------------------------------------

type I18nValue = { locale: Locale; t: TFunction }

function makeValue(locale: Locale): I18nValue {
  return { locale, t: (key, ...args) => translate(locale, key, ...args) }
}

// A default keeps components usable (in Hungarian) even if rendered outside the provider,
// e.g. by an error boundary above it.
const I18nContext = createContext<I18nValue>(makeValue(DEFAULT_LOCALE))

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => makeValue(locale), [locale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useT(): TFunction {
  return useContext(I18nContext).t
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale
}

/** `formatDate` / `formatNumber` bound to the current locale. */
export function useFormat() {
  const locale = useLocale()
  return useMemo(
    () => ({
      formatDate: (value: Date | string | number, options?: Intl.DateTimeFormatOptions) =>
        formatDate(locale, value, options),
      formatNumber: (value: number, options?: Intl.NumberFormatOptions) =>
        formatNumber(locale, value, options),
    }),
    [locale],
  )
}
