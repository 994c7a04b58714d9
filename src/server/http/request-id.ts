// The request id: taken from a trusted upstream `x-request-id` when it looks sane, otherwise
// generated; echoed on the response so a user's report can be matched to the log.
import { randomUUID } from 'node:crypto'
import { getRequestHeader, getResponseHeader, setResponseHeader } from '@tanstack/react-start/server'

const SANE = /^[A-Za-z0-9._-]{8,64}$/

export function currentRequestId(): string {
  const existing = getResponseHeader('x-request-id')
  if (typeof existing === 'string') return existing
  const incoming = getRequestHeader('x-request-id')
  const id = incoming && SANE.test(incoming) ? incoming : randomUUID()
  setResponseHeader('x-request-id', id)
  return id
}
