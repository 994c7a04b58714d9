// `pnpm start`: serves the production build (run `pnpm build` first) on the configured PORT, and the
// Prometheus metrics on METRICS_PORT when set. A missing or malformed variable stops it here, naming
// the variable (see app.config.ts). SIGTERM/SIGINT drain it gracefully (docs/decisions/0019).
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

const serveStatic = staticMiddleware({ dir: new URL('../dist/client', import.meta.url).pathname })

/**
 * The static files (dist/client) with the security headers the app's own responses get (no nonce:
 * none of them is a page, so nothing inline may run if one is opened as a document). Each of
 * them has a file extension; any other path goes straight to the app, without the three file
 * lookups the static middleware makes for a path it cannot find (issue 8, docs/performance.md).
 */
const staticFiles = async (request, next) => {
  if (!/\.[A-Za-z0-9]+$/.test(new URL(request.url).pathname)) return next()
  const response = await serveStatic(request, next)
  entry.applySecurityHeaders(response.headers, config, null)
  return response
}

// srvx's own SIGINT/SIGTERM handling stays off: it would cut the requests still running after its 5 s,
// whatever SHUTDOWN_TIMEOUT_SECONDS says, and our drain would count them as finished. shutDown drains.
const server = serve({
  port: config.port,
  fetch: entry.default.fetch,
  middleware: [staticFiles],
  silent: true,
  gracefulShutdown: false,
})
await server.ready()

// Never the public port: whoever reaches this listener reads the metrics.
const metrics = config.metrics
  ? serve({
      port: config.metrics.port,
      hostname: config.metrics.host,
      fetch: entry.metricsFetch,
      silent: true,
      gracefulShutdown: false,
    })
  : undefined
await metrics?.ready()

entry.startApp({ url: server.url, ...(metrics ? { metricsUrl: `${metrics.url}metrics` } : {}) })

let stopping = false
const shutdown = (signal) => {
  // A second signal (a process group gets it twice) must not start a second drain.
  if (stopping) return
  stopping = true
  entry.shutDown({ app: server.node.server, metrics: metrics?.node.server }, signal).then(
    (code) => process.exit(code),
    (error) => {
      console.error('shutdown failed:', error)
      process.exit(1)
    },
  )
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
