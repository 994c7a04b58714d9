// `pnpm db:generate`: `prisma generate` without engine downloads. The CLI insists on a schema-engine
// binary it cannot download here, although generate never runs it; any existing file satisfies it.
// Extra arguments are passed through (e.g. `pnpm db:generate --watch`).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js')

const result = spawnSync(process.execPath, [prismaCli, 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, CHECKPOINT_DISABLE: '1' },
})
if (result.error) throw result.error
process.exitCode = result.status ?? 1
