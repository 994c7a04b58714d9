// Start reads a server function's whole body (request.formData() / request.json()) before any of
// our code runs, with no limit of its own. This request middleware refuses an oversized body from its
// Content-Length alone, before a byte of it is read; Node's HTTP parser never lets a body run past
// its declared length, so the header can be trusted.
import { createMiddleware } from '@tanstack/react-start'

/** Comfortably above the largest legitimate body: a 5 MB photo in its multipart envelope. */
export const MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const refuse = (status: 411 | 413) =>
  new Response(status === 413 ? 'Request body too large' : 'Content-Length required', {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' },
  })

export const bodyLimit = createMiddleware().server(({ request, next }) => {
  if (!BODY_METHODS.has(request.method)) return next()
  const length = request.headers.get('content-length')
  // A chunked body has no length to check up front; browsers always send one with fetch and forms.
  if (length === null) return request.headers.has('transfer-encoding') ? refuse(411) : next()
  if (!/^[0-9]{1,16}$/.test(length) || Number(length) > MAX_REQUEST_BODY_BYTES) return refuse(413)
  return next()
})
