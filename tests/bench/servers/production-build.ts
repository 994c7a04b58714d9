// The production build the bench serves: `pnpm build` unless dist/ is newer than every source it is
// built from (CI builds right before the quick bench), then a private copy of it, so a build
// started elsewhere during the run (an e2e run rebuilding dist/) cannot swap files under the server.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = [
  'src',
  'app.config.ts',
  'vite.config.ts',
  'package.json',
  'pnpm-lock.yaml',
  'prisma/schema.prisma',
]

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, entry) => Math.max(max, newest(join(path, entry))), stat.mtimeMs)
}

export function buildIsFresh(root: string): boolean {
  const built = join(root, 'dist/server/server.js')
  if (!existsSync(built)) return false
  const sources = SOURCES.map((s) => join(root, s)).filter(existsSync)
  return statSync(built).mtimeMs >= Math.max(...sources.map(newest))
}

export interface ServerSnapshot {
  /** scripts/start.mjs of the copy: it imports ../dist/server/server.js. */
  start: string
  serverJs: string
  /** Whether this run built it (false: dist/ was fresh and reused). */
  built: boolean
}

/** Builds when needed (or when `force`), then copies dist/ and scripts/start.mjs to `into`. */
export function productionSnapshot(root: string, into: string, force: boolean): ServerSnapshot {
  const build = force || !buildIsFresh(root)
  if (build) {
    const result = spawnSync('pnpm', ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
    if (result.status !== 0) throw new Error(`pnpm build failed (exit ${result.status})`)
  }
  rmSync(into, { recursive: true, force: true })
  mkdirSync(join(into, 'scripts'), { recursive: true })
  cpSync(join(root, 'dist'), join(into, 'dist'), { recursive: true })
  cpSync(join(root, 'scripts/start.mjs'), join(into, 'scripts/start.mjs'))
  return {
    start: join(into, 'scripts/start.mjs'),
    serverJs: join(into, 'dist/server/server.js'),
    built: build,
  }
}
