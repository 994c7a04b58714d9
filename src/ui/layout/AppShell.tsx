import { type MouseEvent, type ReactNode, useEffect, useId, useState } from 'react'
import { type Locale, useT } from '~/i18n/i18n'
import { Button, ButtonLink, buttonClasses } from '../Button'
import { LanguageSwitcher } from '../LanguageSwitcher'
import { Sheet } from '../Sheet'

export type NavItem = { to: string; label: string }

export type AppShellProps = {
  user: { displayName: string } | null
  /** A plain href: login leaves the app for AuthSCH, so it is a full page load, not a router link. */
  loginHref: string
  /** Logout is a POST form to this URL (a GET link could be triggered by prefetching or a crawler). */
  logoutAction: string
  navItems: readonly NavItem[]
  /** Renders a router link; the class string already styles the active state via aria-current="page". */
  renderLink: (item: NavItem, className: string) => ReactNode
  children: ReactNode
  onLocaleChange?: (locale: Locale) => void
  /** The site search box: in the header on wide screens, at the top of the menu sheet on phones. */
  search?: ReactNode
  /** E.g. the notification bell: in the header at every width, before the user area / menu button. */
  notifications?: ReactNode
}

// Matches Tailwind's `lg`, where the navigation moves from the sheet into the header.
const DESKTOP_QUERY = '(min-width: 64rem)'

const BRAND_LINK =
  'rounded-md text-xl font-bold tracking-tight text-brand-800 no-underline hover:text-brand-900'
const DESKTOP_LINK =
  'rounded-md px-3 py-2 text-sm font-medium text-gray-700 no-underline hover:bg-gray-100 hover:text-gray-900 ' +
  'aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800'
const MOBILE_LINK =
  'block rounded-md px-3 py-2.5 text-base font-medium text-gray-800 no-underline hover:bg-gray-100 ' +
  'aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800'

export function AppShell({
  user,
  loginHref,
  logoutAction,
  navItems,
  renderLink,
  children,
  onLocaleChange,
  search,
  notifications,
}: AppShellProps) {
  const t = useT()
  const sheetId = useId()
  const [menuOpen, setMenuOpen] = useState(false)

  // A modal sheet left open while the window grows past the breakpoint would keep the page inert.
  useEffect(() => {
    if (!menuOpen) return
    const media = window.matchMedia(DESKTOP_QUERY)
    const close = () => {
      if (media.matches) setMenuOpen(false)
    }
    close()
    media.addEventListener('change', close)
    return () => media.removeEventListener('change', close)
  }, [menuOpen])

  // Client-side navigation keeps the shell mounted, so close the menu once a link in it is followed.
  const closeOnLinkClick = (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false)
  }

  const userArea = (layout: 'row' | 'column') =>
    user ? (
      <div className={layout === 'row' ? 'flex items-center gap-2' : 'flex flex-col gap-3'}>
        <span className="max-w-48 truncate text-sm font-medium text-gray-900">
          <span className="sr-only">{t('nav.signedInAs', { name: user.displayName })}</span>
          <span aria-hidden="true">{user.displayName}</span>
        </span>
        <form method="post" action={logoutAction}>
          <Button type="submit" variant={layout === 'row' ? 'ghost' : 'secondary'} size="sm">
            {t('nav.logout')}
          </Button>
        </form>
      </div>
    ) : (
      <ButtonLink href={loginHref} size="sm" className={layout === 'column' ? 'w-full' : undefined}>
        {t('nav.login')}
      </ButtonLink>
    )

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className={
          'sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md ' +
          'focus:bg-white focus:px-4 focus:py-2 focus:font-medium focus:text-brand-800 focus:shadow-lg'
        }
      >
        {t('nav.skipToContent')}
      </a>

      <header className="sticky top-0 z-40 border-b border-gray-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-6 px-4 sm:px-6">
          {renderLink({ to: '/', label: t('app.name') }, BRAND_LINK)}

          <nav aria-label={t('nav.primary')} className="hidden lg:block">
            <ul className="flex items-center gap-1">
              {navItems.map((item) => (
                <li key={item.to}>{renderLink(item, DESKTOP_LINK)}</li>
              ))}
            </ul>
          </nav>

          <div className="ml-auto flex items-center gap-2 lg:gap-4">
            <div className="hidden items-center gap-4 lg:flex">
              {search}
              <LanguageSwitcher onChange={onLocaleChange} />
            </div>
            {/* Outside the menu sheet: the unread count must show on a phone too. */}
            {notifications}
            <div className="hidden lg:flex">{userArea('row')}</div>

            <button
              type="button"
              className={buttonClasses('secondary', 'md', 'lg:hidden')}
              aria-expanded={menuOpen}
              aria-controls={sheetId}
              onClick={() => setMenuOpen(true)}
            >
              <svg className="size-5" viewBox="0 0 20 20" fill="none" aria-hidden="true">
                <path
                  d="M3 5h14M3 10h14M3 15h14"
                  stroke="currentColor"
                  strokeWidth="1.75"
                  strokeLinecap="round"
                />
              </svg>
              {t('nav.menu')}
            </button>
          </div>
        </div>
      </header>

      <Sheet
        id={sheetId}
        open={menuOpen}
        onClose={() => setMenuOpen(false)}
        title={t('nav.menu')}
        closeLabel={t('nav.menuClose')}
      >
        <div className="flex flex-col gap-6">
          {/* A search submitted from the sheet navigates in place: close the sheet like a followed link. */}
          {search && <div onSubmit={() => setMenuOpen(false)}>{search}</div>}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: only hears clicks bubbling from links; Enter on a link fires click too */}
          <nav aria-label={t('nav.primary')} onClick={closeOnLinkClick}>
            <ul className="flex flex-col gap-1">
              {navItems.map((item) => (
                <li key={item.to}>{renderLink(item, MOBILE_LINK)}</li>
              ))}
            </ul>
          </nav>
          <LanguageSwitcher onChange={onLocaleChange} showLabel />
          <div className="border-t border-gray-200 pt-4">{userArea('column')}</div>
        </div>
      </Sheet>

      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8"
      >
        {children}
      </main>

      <footer className="border-t border-gray-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-gray-600 sm:px-6">
          <span className="font-semibold text-gray-800">{t('app.name')}</span> · {t('app.tagline')}
        </p>
      </footer>
    </div>
  )
}
