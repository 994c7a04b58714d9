// Just enough of a browser to drive the dev OpenID provider (src/server/auth/dev-oidc) with fetch:
// a cookie jar, redirects followed by hand, and the provider's account picker.

/** Cookies by name (one site per instance), redirects followed by hand. */
export class Browser {
  private readonly cookies = new Map<string, string>()

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    })
    this.absorb(response)
    return response
  }

  /** Keeps the cookies a response sets (or deletes), wherever the response came from. */
  absorb(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';')
      const name = pair.slice(0, pair.indexOf('=')).trim()
      const expires = attributes.find((a) => a.trim().toLowerCase().startsWith('expires='))
      const expired = expires !== undefined && Date.parse(expires.split('=')[1] ?? '') < Date.now()
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, pair.slice(pair.indexOf('=') + 1))
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /**
   * Follows redirects from `response` until one points at `prefix`; returns that URL. Like a real
   * browser it also runs oidc-provider's self-submitting form pages (used e.g. when the account changes).
   */
  async followTo(response: Response, prefix: string): Promise<URL> {
    let current = response
    for (let hop = 0; hop < 10; hop++) {
      const location = current.headers.get('location')
      if (current.status === 200 && !location) {
        const html = await current.text()
        if (!html.includes('document.forms[0].submit()')) throw new Error(`unexpected page: ${html}`)
        const fields = [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)]
        const form = Object.fromEntries(fields.map(([, name = '', value = '']) => [name, value]))
        current = await this.request(formAction(html, current.url), { method: 'POST', form })
        continue
      }
      if (current.status < 300 || current.status >= 400 || !location) {
        throw new Error(`expected a redirect, got ${current.status}: ${await current.text()}`)
      }
      const next = new URL(location, current.url)
      if (next.href.startsWith(prefix)) return next
      current = await this.request(next)
    }
    throw new Error('too many redirects')
  }
}

export type LoginButton = { value: string; name: string }

/** Buttons of the account picker with their accessible names (what aria-labelledby points at). */
export function loginButtons(html: string): LoginButton[] {
  return [...html.matchAll(/<button([^>]*)>/g)].flatMap(([, attributes = '']) => {
    const value = /value="([^"]*)"/.exec(attributes)?.[1]
    const labelId = /aria-labelledby="([^"]*)"/.exec(attributes)?.[1]
    if (value === undefined || labelId === undefined) return []
    const label = new RegExp(`<span id="${labelId}">([\\s\\S]*?)</span>`).exec(html)?.[1] ?? ''
    return [{ value, name: label.replace(/<[^>]*>/g, '').trim() }]
  })
}

export function formAction(html: string, base: string): URL {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1]
  if (action === undefined) throw new Error('no form on the page')
  return new URL(action, base)
}

/** Authorization request → account picker → pick `fullName` → the redirect URI with the code. */
export async function pickAccount(
  browser: Browser,
  authUrl: URL,
  fullName: string,
  redirectUri: string,
): Promise<URL> {
  const toInteraction = await browser.request(authUrl)
  if (toInteraction.status !== 303) throw new Error(`expected 303 to the picker, got ${toInteraction.status}`)
  const interactionUrl = new URL(toInteraction.headers.get('location') ?? '', authUrl)
  const picker = await browser.request(interactionUrl)
  if (picker.status !== 200) throw new Error(`expected the picker page, got ${picker.status}`)
  const html = await picker.text()
  const button = loginButtons(html).find((b) => b.name === fullName)
  if (!button) throw new Error(`no button named ${fullName}`)
  const submitted = await browser.request(formAction(html, interactionUrl.href), {
    method: 'POST',
    form: { account: button.value },
  })
  return browser.followTo(submitted, redirectUri)
}
