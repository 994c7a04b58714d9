// A PostgreSQL server of the test's own (Debian's binaries: initdb, pg_ctl), on a free port and a
// temporary data folder, for tests that must stop and start the server (resilience) or want a
// cluster nobody else uses. Not the run's shared database (./database.ts): that server is never
// restarted by a test.
//
// PostgreSQL refuses to run as root; when the tests run as root (CI, the dev machines) the server
// runs as the `postgres` system user, which owns the data folder.
import { execFile } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface PostgresServer {
  /** postgres:// URL of the `postgres` database as the superuser `postgres` (trust authentication). */
  adminUrl: string
  /** The same server, another database. */
  urlOf(database: string): string
  /**
   * Stops the server: `fast` ends open sessions and checkpoints (an operator's restart), `immediate`
   * kills it without a checkpoint (a crash: the next start replays the WAL).
   */
  stop(mode?: 'fast' | 'immediate'): Promise<void>
  start(): Promise<void>
  /** Stops it for good and deletes its data folder. */
  destroy(): Promise<void>
}

/** The newest installed PostgreSQL's binaries, e.g. /usr/lib/postgresql/15/bin (pg_dump and psql too). */
export function postgresBinDir(): string {
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  const newest = versions[0]
  if (newest === undefined) {
    throw new Error(`No PostgreSQL server binaries under ${base} (apt-get install postgresql)`)
  }
  return join(base, newest, 'bin')
}

/** A port nobody listens on right now (the OS picks it); the bench's servers take theirs here too. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const isRoot = () => process.getuid?.() === 0

/** Runs a PostgreSQL binary as the user that owns the data folder. */
function asOwner(binary: string, args: string[]) {
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args)
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const binDir = postgresBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'pek-pg-'))
  const dataDir = join(dir, 'data')
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
    chmodSync(dir, 0o700)
  }
  const port = await freePort()
  await asOwner(join(binDir, 'initdb'), [
    '--pgdata',
    dataDir,
    '--username',
    'postgres',
    '--auth',
    'trust',
    '--encoding',
    'UTF8',
    '--locale',
    'C.UTF-8',
    '--no-sync',
  ])
  // Its own socket folder and TCP on loopback only: nothing shared with the machine's server.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}`
  const pgCtl = (...args: string[]) => asOwner(join(binDir, 'pg_ctl'), ['--pgdata', dataDir, ...args])
  const start = async () => {
    await pgCtl('start', '--wait', '--silent', '--log', join(dir, 'server.log'), '-o', options)
  }
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pgCtl('stop', '--wait', '--silent', '--mode', mode)
  }
  await start()
  const urlOf = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`
  return {
    adminUrl: urlOf('postgres'),
    urlOf,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
