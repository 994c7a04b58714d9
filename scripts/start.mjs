// `pnpm start`: serves the production build (run `pnpm build` first) on the configured PORT.
// A missing or malformed variable stops it here, naming the variable (see app.config.ts).
import { serve } from 'srvx'
import { staticMiddleware } from 'srvx/static'

const entry = await import('../dist/server/server.js')

let config
try {
  config = entry.appConfig()
} catch (error) {
  if (!(error instanceof entry.ConfigError)) throw error
  console.error(error.message)
  process.exit(1)
}

/** The static files (dist/client) get the security headers the app's own responses get. */
const securityHeaders = async (_request, next) => {
  const response = await next()
  entry.applySecurityHeaders(response.headers, config, entry.newCspNonce())
  return response
}

const server = serve({
  port: config.port,
  fetch: entry.default.fetch,
  middleware: [
    securityHeaders,
    staticMiddleware({ dir: new URL('../dist/client', import.meta.url).pathname }),
  ],
  silent: true,
})
await server.ready()
// The app container now rather than at the first request: it starts the semester scheduler, so a
// scheduled switch happens on time even if nobody visits (docs/decisions/0014).
entry.startApp()
console.log(JSON.stringify({ level: 'info', msg: 'listening', url: server.url, realm: config.realmId }))

const shutdown = () =>
  server
    .close()
    .then(() => entry.stopBackgroundJobs())
    .then(() => process.exit(0))
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
