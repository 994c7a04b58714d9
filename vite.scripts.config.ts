// Builds the operator scripts that must run in production without dev dependencies (no tsx, no
// TypeScript sources): today `pnpm db:migrate`'s script, as dist/db-migrate.mjs. Packages stay
// external (they are production dependencies). Run after the app's build, which empties dist/.
// See docs/decisions/0007-container-and-compose.md.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  resolve: {
    alias: { '#config': fileURLToPath(new URL('./app.config.ts', import.meta.url)) },
  },
  build: {
    ssr: true,
    target: 'node20',
    // dist/ is one folder below the root, like scripts/, so the script's relative path to
    // prisma/migrations holds in both places.
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: process.env.SOURCEMAPS === 'true',
    rollupOptions: {
      input: { 'db-migrate': fileURLToPath(new URL('./scripts/db-migrate.ts', import.meta.url)) },
      output: { entryFileNames: '[name].mjs', format: 'es' },
    },
  },
})
