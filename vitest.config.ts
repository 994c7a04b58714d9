// Unit and integration tests (Playwright's e2e suite in tests/e2e has its own config). Every run gets
// a migrated database from tests/support/global-setup.ts; see tests/support/database.ts.
import { defineConfig } from 'vitest/config'
import { z } from 'zod'

// Without TEST_DATABASE_URL the tests share one embedded PGlite, which serves one connection at a
// time, so test files then run one after another instead of waiting on each other's connection.
const { TEST_DATABASE_URL } = z.object({ TEST_DATABASE_URL: z.string().optional() }).parse(process.env)

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // tsyringe needs the Reflect metadata polyfill before any decorated class loads.
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    fileParallelism: Boolean(TEST_DATABASE_URL),
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
