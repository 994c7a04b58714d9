// The image migrates without dev dependencies (Dockerfile, scripts/docker-entrypoint.sh): the
// migrate script bundled by `pnpm build` (vite.scripts.config.ts) imports production dependencies
// only, and the entrypoint runs it as `migrate`, or before the server when MIGRATE_ON_START=true —
// where a failed migration keeps the server from starting. Laid out as in the image: dist/ and
// prisma/migrations side by side, the entrypoint run from that folder.
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScratchDatabase, type ScratchDatabase } from '../support/database'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../', import.meta.url))
const entrypoint = join(root, 'scripts/docker-entrypoint.sh')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}

let image: string
let scratch: ScratchDatabase

/** The entrypoint as `docker run pek …` runs it, with this environment. */
function container(args: string[], env: Record<string, string>) {
  return run('sh', [entrypoint, ...args], { cwd: image, env: { PATH: process.env.PATH ?? '', ...env } })
}

beforeAll(async () => {
  image = mkdtempSync(join(tmpdir(), 'pek-image-'))
  await build({
    root,
    configFile: join(root, 'vite.scripts.config.ts'),
    build: { outDir: join(image, 'dist') },
    logLevel: 'error',
  })
  symlinkSync(join(root, 'prisma'), join(image, 'prisma'))
  symlinkSync(join(root, 'node_modules'), join(image, 'node_modules'))
  scratch = await createScratchDatabase()
}, 120_000)

afterAll(async () => {
  await scratch?.drop()
  if (image) rmSync(image, { recursive: true, force: true })
})

describe('the bundled migrate script', () => {
  it('imports nothing but Node built-ins and production dependencies', () => {
    const bundle = readFileSync(join(image, 'dist/db-migrate.mjs'), 'utf8')
    const specifiers = [...bundle.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"']+)["']/g)].map(
      (m) => m[1] ?? '',
    )
    expect(specifiers.length).toBeGreaterThan(0)
    const packageOf = (specifier: string) =>
      specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '')
    const outside = specifiers.filter(
      (s) =>
        !s.startsWith('node:') && !builtinModules.includes(s) && !(packageOf(s) in manifest.dependencies),
    )
    expect(outside).toEqual([])
  })
})

// Each migrate run instantiates the WebAssembly schema engine: seconds on a busy machine.
describe('the entrypoint', { timeout: 120_000 }, () => {
  it('`migrate` applies the pending migrations and exits; again, finds none', async () => {
    const migrations = readdirSync(join(root, 'prisma/migrations'), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    )
    const first = await container(['migrate'], { DATABASE_URL: scratch.url })
    expect(first.stdout).toContain(`Applied ${migrations.length} migration(s)`)
    const second = await container(['migrate'], { DATABASE_URL: scratch.url })
    expect(second.stdout).toContain('no pending migrations')
  })

  it('with MIGRATE_ON_START=true migrates before the command, and runs no command when that fails', async () => {
    const started = await container(['node', '-e', "console.log('server started')"], {
      DATABASE_URL: scratch.url,
      MIGRATE_ON_START: 'true',
    })
    expect(started.stdout).toMatch(/no pending migrations[\s\S]*server started/)

    const unreachable = container(['node', '-e', "console.log('server started')"], {
      DATABASE_URL: 'postgresql://pek@127.0.0.1:1/pek',
      MIGRATE_ON_START: 'true',
    })
    await expect(unreachable).rejects.toMatchObject({ stdout: expect.not.stringContaining('server started') })
  })

  it('without MIGRATE_ON_START runs the command alone', async () => {
    const { stdout } = await container(['node', '-e', "console.log('server started')"], {
      DATABASE_URL: 'postgresql://pek@127.0.0.1:1/pek',
    })
    expect(stdout.trim()).toBe('server started')
  })
})
