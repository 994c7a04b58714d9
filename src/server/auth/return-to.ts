/** Only same-site paths: an open redirect after login would hand the session to a phishing page. */
export function safeReturnTo(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/'
  return value
}
