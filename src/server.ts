// The production server entry (vite build → dist/server/server.js). Besides the fetch handler it
// exports the configuration loader, so scripts/start.mjs validates the environment at boot.
import 'reflect-metadata'
import { createServerEntry, createStartHandler, defaultStreamHandler } from '@tanstack/react-start/server'

export { appConfig, ConfigError } from '#config'
// The static files bypass Start's middleware; scripts/start.mjs gives them the same headers.
export { applySecurityHeaders } from './server/http/security-headers'
// Boot and graceful shutdown (docs/decisions/0019), and the separate metrics listener's handler.
export { shutDown, startApp } from './server/lifecycle'
export { metricsFetch } from './server/metrics/metrics-endpoint'

export default createServerEntry({ fetch: createStartHandler(defaultStreamHandler) })
