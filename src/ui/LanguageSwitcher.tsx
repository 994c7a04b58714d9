import { LOCALES, type Locale, localeCookie, useLocale, useT } from '~/i18n/i18n'
import { cx } from './cx'

// Each language is named in itself, so a reader finds their own whatever the current language is.
const LANGUAGE_NAMES: Record<Locale, string> = { hu: 'Magyar', en: 'English' }

export type LanguageSwitcherProps = {
  /** Called after the cookie is written; re-render the app in `locale` (e.g. `router.invalidate()`). */
  onChange?: (locale: Locale) => void
  /** Show the "Nyelv" label; otherwise it is only read by screen readers. */
  showLabel?: boolean
  className?: string
}

/** Two toggle buttons (aria-pressed) inside a labelled fieldset. */
export function LanguageSwitcher({ onChange, showLabel = false, className }: LanguageSwitcherProps) {
  const t = useT()
  const current = useLocale()

  const choose = (locale: Locale) => {
    if (locale === current) return
    // The server reads this cookie to render the chosen language; the Cookie Store API is not in every
    // browser we support yet.
    // biome-ignore lint/suspicious/noDocumentCookie: see above
    document.cookie = localeCookie(locale)
    onChange?.(locale)
  }

  return (
    <fieldset className={cx('flex flex-col gap-1.5', className)}>
      <legend className={showLabel ? 'mb-1.5 text-sm font-medium text-gray-900' : 'sr-only'}>
        {t('nav.language')}
      </legend>
      <div className="inline-flex w-fit rounded-md border border-gray-300 bg-white p-0.5 shadow-sm">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={locale === current}
            onClick={() => choose(locale)}
            className={cx(
              'rounded px-2.5 py-1 text-sm font-medium transition-colors',
              locale === current ? 'bg-brand-700 text-white' : 'text-gray-700 hover:bg-gray-100',
            )}
          >
            {LANGUAGE_NAMES[locale]}
          </button>
        ))}
      </div>
    </fieldset>
  )
}
