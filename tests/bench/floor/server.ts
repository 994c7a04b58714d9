// The floors of `pnpm bench`, a process of their own (started by tests/bench/servers/bench-servers.ts):
//   GET  /hello            the HTTP floor: node:http answering a constant;
//   GET  /<entry>?<input>  the database floor of a read entry point (./reads.ts), logged in by the
//                          same session cookie as the app;
//   POST /cellSave         the floor of a point cell save (./cell-save.ts).
// Configured by FLOOR_* variables; the pool has the app's size.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import pg from 'pg'
import { z } from 'zod'
import { loadSessionKeys } from '~/server/auth/session-token'
import { authenticate } from './auth'
import { type CellWrite, saveCell } from './cell-save'
import { prepareEveryStatement } from './prepared'
import * as reads from './reads'

const env = z
  .object({
    FLOOR_PORT: z.coerce.number().int(),
    FLOOR_DATABASE_URL: z.string(),
    FLOOR_POOL_SIZE: z.coerce.number().int(),
    FLOOR_REALM_ID: z.string(),
    FLOOR_SESSION_KEY: z.string(),
    FLOOR_SESSION_KEY_ID: z.string(),
    FLOOR_ISSUER: z.string(),
    FLOOR_IDLE_SECONDS: z.coerce.number().int(),
  })
  .parse(process.env)

prepareEveryStatement()
const db = new pg.Pool({ connectionString: env.FLOOR_DATABASE_URL, max: env.FLOOR_POOL_SIZE })
const keys = await loadSessionKeys({ signingKeyPem: env.FLOOR_SESSION_KEY, keyId: env.FLOOR_SESSION_KEY_ID })
const READS: Record<string, (c: reads.ReadContext) => Promise<unknown>> = { ...reads }

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
  res.end(json)
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://floor')
  const name = url.pathname.slice(1)
  if (name === 'hello') return send(res, 200, { hello: 'world' })
  const body = req.method === 'POST' ? await bodyOf(req) : ''
  const userId = await authenticate(
    db,
    keys,
    env.FLOOR_ISSUER,
    env.FLOOR_REALM_ID,
    env.FLOOR_IDLE_SECONDS,
    req.headers.cookie,
  )
  if (userId === null) return send(res, 401, { error: 'unauthenticated' })
  if (name === 'cellSave' && req.method === 'POST') {
    const outcome = await saveCell(db, env.FLOOR_REALM_ID, userId, JSON.parse(body) as CellWrite)
    return send(res, outcome.status, outcome.body)
  }
  const read = READS[name]
  if (!read) return send(res, 404, { error: 'no such floor' })
  const data = await read({ db, realmId: env.FLOOR_REALM_ID, userId, params: url.searchParams })
  return send(res, data === null ? 404 : 200, data)
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error)
    if (!res.headersSent) send(res, 500, { error: 'internal' })
  })
})
server.keepAliveTimeout = 65_000
server.listen(env.FLOOR_PORT, '127.0.0.1')
process.once('SIGTERM', () => {
  server.close(() => void db.end().then(() => process.exit(0)))
  server.closeAllConnections()
})
