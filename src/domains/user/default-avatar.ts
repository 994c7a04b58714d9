// The picture shown for a user without a photo: their initials on a colour picked from their id.
// Names are user-controlled text that ends up inside SVG markup, so every character is escaped.

// White text on each of these has a contrast ratio of at least 4.5:1.
const BACKGROUNDS = ['#1f3ba3', '#0f766e', '#7e22ce', '#b91c1c', '#a16207', '#15803d', '#be185d', '#374151']

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)

/** Up to two letters: the first letter of the first and of the last word that has one. */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => Array.from(word).find((c) => /\p{L}/u.test(c)))
    .filter((letter) => letter !== undefined)
  const picked = letters.length > 1 ? [letters[0], letters.at(-1)] : letters
  return picked.join('').toLocaleUpperCase('hu')
}

// A head-and-shoulders outline for names without a letter to show.
const SILHOUETTE =
  '<circle cx="64" cy="50" r="22" fill="#fff" fill-opacity=".85"/>' +
  '<path d="M24 112c4-22 20-34 40-34s36 12 40 34z" fill="#fff" fill-opacity=".85"/>'

export function defaultAvatarSvg(name: string, userId: number): string {
  const background = BACKGROUNDS[userId % BACKGROUNDS.length]
  const initials = initialsOf(name)
  const content = initials
    ? `<text x="64" y="64" dy=".35em" text-anchor="middle" fill="#fff" font-family="system-ui, sans-serif" font-size="52" font-weight="600">${escapeXml(initials)}</text>`
    : SILHOUETTE
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128"><rect width="128" height="128" fill="${background}"/>${content}</svg>`
}
