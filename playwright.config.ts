// End-to-end tests (tests/e2e) against the production build: `pnpm build && pnpm test:e2e`.
// tests/e2e/server.ts starts the database (embedded PGlite, or a fresh database on
// TEST_DATABASE_URL), the local OIDC provider and scripts/start.mjs on port 3210.
import { defineConfig, devices } from '@playwright/test'
import { z } from 'zod'

const env = z.object({ CI: z.string().optional() }).parse({ CI: process.env.CI })
const isCI = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0'

// Keep in step with tests/e2e/server.ts.
const baseURL = 'http://localhost:3210'

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Playwright empties this at the start of every run; test-results/ itself also holds
  // e2e-env.json (written by the server, which may be reused) and screenshots/.
  outputDir: 'test-results/artifacts',
  // The embedded PGlite serves one connection at a time, and the tests share one seeded database.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    screenshot: 'on',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    timezoneId: 'Europe/Budapest',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // The system Chromium: `npx playwright install` cannot download browsers here.
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'tsx tests/e2e/server.ts',
    url: `${baseURL}/readyz`,
    reuseExistingServer: !isCI,
    // Seeding 2000 users into a fresh PGlite takes a while on a cold machine.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM (not the default SIGKILL) so the server can stop the app and drop its database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
})
