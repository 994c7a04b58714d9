// `pnpm dev`: everything a developer needs on a fresh machine, in one process. Without
// DATABASE_URL an embedded PGlite keeps its data in .data/pglite; with it, that PostgreSQL is used.
import { existsSync } from 'node:fs'
import { createServer } from 'vite'
import { demoLoginTable, startDevEnvironment } from './lib/dev-environment'

if (existsSync('.env')) process.loadEnvFile('.env')

const publicUrl = 'http://localhost:3000'
const dev = await startDevEnvironment({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: '.data/pglite',
  dataDir: '.data',
  publicUrl,
  oidcPort: 4455,
  oidcKeysFile: '.data/dev-oidc-keys.json',
  seed: true,
})
// The app reads its configuration from the environment (app.config.ts); explicit settings win.
for (const [key, value] of Object.entries(dev.env)) process.env[key] ||= value
process.env.NODE_ENV ||= 'development'

const vite = await createServer({ server: { host: 'localhost' } })
await vite.listen()
console.log(
  `\nPéK is running at ${publicUrl}\nDemo logins (choose one on the login page):\n${demoLoginTable()}\n`,
)

const shutdown = async () => {
  await vite.close()
  await dev.stop()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
