// Calling a server function over HTTP the way the browser does on a client-side navigation
// (@tanstack/start-client-core's serverFnFetcher): GET /_serverFn/<id>?payload=<seroval JSON> or a
// POST with the same JSON as the body. The id is what the build derives from the function's file
// and export (start-plugin-core: sha256 of `<file>--<name>_createServerFn_handler`); each one is
// checked against the built server's manifest, so a renamed function fails the bench, loudly.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { toJSON } from 'seroval'

export interface ServerFnRef {
  /** The source file, relative to the repository root: src/domains/group/group.functions.ts. */
  file: string
  /** The exported server function: listGroups. */
  name: string
  method: 'GET' | 'POST'
}

export const serverFnId = (fn: ServerFnRef) =>
  createHash('sha256').update(`${fn.file}--${fn.name}_createServerFn_handler`).digest('hex')

/** Throws unless the built server (dist/server/server.js) serves every one of `fns`. */
export function assertBuilt(serverJs: string, fns: readonly ServerFnRef[]): void {
  const manifest = readFileSync(serverJs, 'utf8')
  const missing = fns.filter((fn) => !manifest.includes(`"${serverFnId(fn)}"`))
  if (missing.length)
    throw new Error(
      `The build has no server function ${missing.map((f) => `${f.file}#${f.name}`).join(', ')}: rebuild (pnpm build) or update tests/bench/http/entry-points.ts`,
    )
}

/** The headers the browser's fetch of a server function carries (same-origin: the CSRF check passes). */
export const SERVER_FN_HEADERS = {
  'x-tsr-serverfn': 'true',
  accept: 'application/x-tss-framed, application/x-ndjson, application/json',
  'sec-fetch-site': 'same-origin',
}

const payloadOf = (data: unknown) => JSON.stringify(toJSON({ data }))

export interface HttpCall {
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
}

export function serverFnCall(fn: ServerFnRef, data: unknown, cookie: string): HttpCall {
  const path = `/_serverFn/${serverFnId(fn)}`
  const headers = { ...SERVER_FN_HEADERS, cookie }
  if (fn.method === 'GET')
    return { method: 'GET', path: `${path}?${new URLSearchParams({ payload: payloadOf(data) })}`, headers }
  return {
    method: 'POST',
    path,
    headers: { ...headers, 'content-type': 'application/json' },
    body: payloadOf(data),
  }
}
