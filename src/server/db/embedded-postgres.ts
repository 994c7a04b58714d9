// PostgreSQL compiled to WebAssembly (PGlite) behind a real wire-protocol port on 127.0.0.1, for
// zero-setup development and for tests on machines without a server. App code and `pg` need no
// change, with one rule:
//
//   Connect with a pool of exactly ONE connection (the app: DATABASE_POOL_SIZE=1).
//
// PGlite is a single session. pglite-socket can multiplex several connections onto it, but at the
// message level, so their extended-protocol messages interleave and requests hang. We serve one
// connection at a time instead: a second connection waits (up to the client's connect timeout)
// until the first closes, so two pools in one process can deadlock each other.
import { mkdirSync } from 'node:fs'
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net'
import { dirname } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface EmbeddedPostgresOptions {
  /** Directory that keeps the data between runs; undefined keeps it in memory only. */
  dataDir?: string
  /** TCP port on 127.0.0.1; undefined or 0 picks a free one. */
  port?: number
}

export interface EmbeddedPostgres {
  /** postgres:// URL of the server's only database; use it with a pool of ONE connection. */
  url: string
  stop(): Promise<void>
}

const host = '127.0.0.1'

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  // PGlite creates its data folder but not the folders above it (a fresh clone has no .data/).
  if (options.dataDir) mkdirSync(dirname(options.dataDir), { recursive: true })
  // pg_trgm backs the people search's trigram indexes (docs/decisions/0009-people-search.md).
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } })
  // The PGlite server refuses a connection while it still counts the previous one, which it only
  // forgets a tick after the socket closed; our front door below waits for that instead.
  const backend = new PGLiteSocketServer({ db, host, port: 0, maxConnections: 1 })
  await backend.start()
  const backendPort = Number(backend.getServerConn().split(':').at(-1))

  const waiting: Socket[] = []
  const open = new Set<Socket>()
  let busy = false

  async function resetSession() {
    for (let i = 0; i < 5000 && backend.getStats().activeConnections > 0; i++) await tick()
    // What a real server does when a session ends: roll back, drop prepared statements, temp
    // tables, settings and advisory locks (a migration's lock would otherwise outlive it).
    if (db.isInTransaction()) await db.exec('ROLLBACK')
    await db.exec('DISCARD ALL')
  }

  function serve(client: Socket): Promise<void> {
    return new Promise((resolve) => {
      const upstream = tcpConnect(backendPort, host)
      open.add(upstream)
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => {
        open.delete(upstream)
        client.destroy()
        resetSession().then(resolve, resolve)
      })
      client.pipe(upstream)
      upstream.pipe(client)
      client.resume()
    })
  }

  async function serveNext() {
    if (busy) return
    busy = true
    for (let client = waiting.shift(); client; client = waiting.shift()) {
      if (!client.destroyed) await serve(client)
    }
    busy = false
  }

  const front = createServer((client) => {
    client.pause()
    open.add(client)
    client.on('error', () => {})
    client.on('close', () => {
      open.delete(client)
      const index = waiting.indexOf(client)
      if (index >= 0) waiting.splice(index, 1)
    })
    waiting.push(client)
    void serveNext()
  })
  let port: number
  try {
    port = await listen(front, options.port ?? 0)
  } catch (error) {
    await backend.stop()
    await db.close()
    throw error
  }

  let stopping: Promise<void> | undefined
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise((resolve) => front.close(resolve))
        for (const socket of open) socket.destroy()
        await closed
        await backend.stop()
        await db.close()
      })()
      return stopping
    },
  }
}
