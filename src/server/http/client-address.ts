// Who is on the other end, for the per-address rate limits. Behind reverse proxies the socket is
// the proxy's, so with TRUST_PROXY_HOPS=n the address is the n-th X-Forwarded-For entry from the
// right: the one our own outermost proxy appended. Entries further left are whatever the client
// sent and are never trusted.

/** srvx's Node request carries the socket's address as `ip`; a plain Request (tests) has none. */
function socketAddress(request: Request): string | undefined {
  const ip: unknown = Reflect.get(request, 'ip')
  return typeof ip === 'string' && ip ? ip : undefined
}

export function clientAddress(request: Request, trustedHops: number): string {
  if (trustedHops > 0) {
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    const entry = forwarded[forwarded.length - trustedHops]
    if (entry) return entry
  }
  return socketAddress(request) ?? 'unknown'
}
